package app.stride.devices.gcp.adapter.out.firestore;

import app.stride.devices.domain.ActivityId;
import app.stride.devices.domain.ImportFailure;
import app.stride.devices.domain.ImportId;
import app.stride.devices.domain.ImportJob;
import app.stride.devices.domain.ImportStatus;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import com.google.cloud.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The persistence form of an import: document {@code users/{userId}/imports/{importId}} with the
 * attribute names of the DynamoDB item ({@code importId}, {@code userId}, {@code provider}, {@code
 * format}, {@code originalKey}, {@code sha256}, {@code size} (when known), {@code status}, {@code
 * activityIds}, {@code failureCode}, {@code failureDetail}, {@code createdAt}, {@code updatedAt})
 * and {@code expiresAt} (a timestamp, the collection's TTL field: 30 days after the last change).
 */
final class ImportDocument {
  static final String COLLECTION = "imports";
  static final String EXPIRES_AT = "expiresAt";

  /** How long an import is kept after its last change. */
  static final Duration RETENTION = Duration.ofDays(30);

  private ImportDocument() {}

  static Map<String, Object> fields(ImportJob job) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("userId", job.userId().value());
    f.put("importId", job.id().value());
    f.put("provider", job.provider().wire());
    f.put("format", job.format());
    f.put("originalKey", job.originalKey());
    f.put("sha256", job.sha256());
    if (job.size() != null) {
      f.put("size", job.size());
    }
    f.put("status", job.status().wire());
    if (!job.activityIds().isEmpty()) {
      f.put("activityIds", job.activityIds().stream().map(ActivityId::value).toList());
    }
    if (job.failure() != null) {
      f.put("failureCode", job.failure().code());
      f.put("failureDetail", job.failure().detail());
    }
    f.put("createdAt", job.createdAt().toString());
    f.put("updatedAt", job.updatedAt().toString());
    f.put(EXPIRES_AT, ActivityDocument.timestamp(job.updatedAt().plus(RETENTION)));
    return f;
  }

  static ImportJob toDomain(Map<String, Object> f) {
    return new ImportJob(
        new ImportId((String) f.get("importId")),
        new UserId((String) f.get("userId")),
        Provider.fromWire((String) f.get("provider")),
        (String) f.get("format"),
        (String) f.get("originalKey"),
        (String) f.get("sha256"),
        f.get("size") instanceof Number n ? n.longValue() : null,
        ImportStatus.fromWire((String) f.get("status")),
        f.get("activityIds") == null
            ? List.<ActivityId>of()
            : ((List<?>) f.get("activityIds"))
                .stream().map(v -> new ActivityId((String) v)).toList(),
        f.get("failureCode") == null
            ? null
            : new ImportFailure((String) f.get("failureCode"), (String) f.get("failureDetail")),
        Instant.parse((String) f.get("createdAt")),
        Instant.parse((String) f.get("updatedAt")));
  }

  /** Whether a stored {@code expiresAt} has passed at {@code now}. */
  static boolean expired(Map<String, Object> f, Instant now) {
    Object at = f.get(EXPIRES_AT);
    return at instanceof Timestamp t && !ActivityDocument.instant(t).isAfter(now);
  }
}
