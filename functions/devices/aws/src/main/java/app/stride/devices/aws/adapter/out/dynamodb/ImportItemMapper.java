package app.stride.devices.aws.adapter.out.dynamodb;

import app.stride.devices.domain.ActivityId;
import app.stride.devices.domain.ImportFailure;
import app.stride.devices.domain.ImportId;
import app.stride.devices.domain.ImportJob;
import app.stride.devices.domain.ImportStatus;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Maps between the domain {@link ImportJob} and its {@link ImportItem}. */
final class ImportItemMapper {
  /** How long an import is kept after its last change (the table's TTL removes it then). */
  static final Duration RETENTION = Duration.ofDays(30);

  private ImportItemMapper() {}

  static ImportItem toItem(ImportJob job) {
    ImportItem item = new ImportItem();
    item.setUserId(job.userId().value());
    item.setSk(SortKeys.importJob(job.id()));
    item.setImportId(job.id().value());
    item.setProvider(job.provider().wire());
    item.setFormat(job.format());
    item.setOriginalKey(job.originalKey());
    item.setSha256(job.sha256());
    item.setSize(job.size());
    item.setStatus(job.status().wire());
    item.setActivityIds(
        job.activityIds().isEmpty()
            ? null
            : job.activityIds().stream().map(ActivityId::value).toList());
    item.setFailureCode(job.failure() == null ? null : job.failure().code());
    item.setFailureDetail(job.failure() == null ? null : job.failure().detail());
    item.setCreatedAt(job.createdAt().toString());
    item.setUpdatedAt(job.updatedAt().toString());
    item.setExpiresAt(job.updatedAt().plus(RETENTION).getEpochSecond());
    return item;
  }

  static ImportJob toDomain(ImportItem item) {
    return new ImportJob(
        new ImportId(item.getImportId()),
        new UserId(item.getUserId()),
        Provider.fromWire(item.getProvider()),
        item.getFormat(),
        item.getOriginalKey(),
        item.getSha256(),
        item.getSize(),
        ImportStatus.fromWire(item.getStatus()),
        item.getActivityIds() == null
            ? List.of()
            : item.getActivityIds().stream().map(ActivityId::new).toList(),
        item.getFailureCode() == null
            ? null
            : new ImportFailure(item.getFailureCode(), item.getFailureDetail()),
        Instant.parse(item.getCreatedAt()),
        Instant.parse(item.getUpdatedAt()));
  }
}
