package app.stride.devices.gcp.adapter.out.firestore;

import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.core.store.StoreUnavailableException;
import app.stride.core.store.VersionConflictException;
import app.stride.devices.application.port.out.ImportJobStore;
import app.stride.devices.domain.ImportId;
import app.stride.devices.domain.ImportJob;
import app.stride.devices.domain.ImportStatus;
import app.stride.devices.domain.UserId;
import app.stride.gcp.firestore.CollectionEraser;
import app.stride.gcp.firestore.FirestoreCalls;
import app.stride.gcp.firestore.VersionedDocument;
import app.stride.gcp.firestore.VersionedDocuments;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The import store of one Firestore region ({@link ImportDocument} for the layout). Every method
 * first checks the owner's home region.
 *
 * <p>As on DynamoDB, no transactions: a create first claims the file's hash in {@code
 * users/{userId}/importHashes/{sha256}} ({@code importId}, {@code claimedAt}, {@code expiresAt}),
 * then creates the import; when that loses, the claim is released. A claim is live while it has not
 * expired and its import exists, or while it is younger than {@link
 * FirestoreActivityStore#CLAIM_GRACE}; an import that failed with {@code checksum-mismatch} holds
 * no hash ({@link ImportJob#holdsHash}). An update moves an import forward only (awaiting-upload,
 * processing, then done or failed). Imports and hash claims carry {@code expiresAt} (a TTL policy
 * on both collection groups deletes them, within a day or so); readers treat a passed one as
 * absent.
 */
public final class FirestoreImportJobStore implements ImportJobStore {
  static final String HASHES = "importHashes";
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final Firestore firestore;
  private final ResidencyGuard guard;
  private final Clock clock;

  public FirestoreImportJobStore(Firestore firestore, RegionId region, Clock clock) {
    this.firestore = Objects.requireNonNull(firestore, "firestore");
    this.guard = new ResidencyGuard(region);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Optional<ImportJob> find(UserId userId, ImportId id, RegionId home) {
    guard.requireHome(home);
    return readLive(userId, id.value()).map(ImportDocument::toDomain);
  }

  @Override
  public Optional<ImportJob> findBySha256(UserId userId, String sha256, RegionId home) {
    guard.requireHome(home);
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      return Optional.empty();
    }
    DocumentSnapshot claim = FirestoreCalls.await(hash(userId, sha256).get());
    if (!claim.exists() || ImportDocument.expired(claim.getData(), clock.instant())) {
      return Optional.empty();
    }
    return readLive(userId, claim.getString("importId"))
        .filter(f -> sha256.equals(f.get("sha256")))
        .map(ImportDocument::toDomain)
        .filter(ImportJob::holdsHash);
  }

  @Override
  public void create(ImportJob job, RegionId home) {
    guard.requireHome(home);
    if (!SHA256.matcher(job.sha256()).matches()) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
    }
    Optional<Map<String, Object>> claimed = claimHash(job);
    try {
      VersionedDocuments.create(
          document(job.userId(), job.id().value()), ImportDocument.fields(job));
    } catch (VersionConflictException e) {
      claimed.ifPresent(fields -> release(job, fields));
      throw new VersionConflictException("import " + job.id() + " exists", e);
    }
  }

  @Override
  public void update(ImportJob job, RegionId home) {
    guard.requireHome(home);
    VersionedDocument current =
        VersionedDocuments.read(document(job.userId(), job.id().value()))
            .filter(d -> !ImportDocument.expired(d.data(), clock.instant()))
            .orElseThrow(() -> new VersionConflictException("import " + job.id() + " is gone"));
    ImportJob stored = ImportDocument.toDomain(current.data());
    if (!sameFile(stored, job)) {
      throw new IllegalArgumentException("an update changes only the status of an import");
    }
    if (stored.status().isFinal()) {
      if (sameOutcome(stored, job)) {
        return;
      }
      throw new VersionConflictException(
          "import " + job.id() + " is already " + stored.status().wire());
    }
    if (stored.status() == ImportStatus.PROCESSING
        && job.status() == ImportStatus.AWAITING_UPLOAD) {
      throw new VersionConflictException("import " + job.id() + " is already processing");
    }
    VersionedDocuments.replace(current, ImportDocument.fields(job));
  }

  /**
   * Deletes the user's {@code imports}, expired ones included (the TTL policy has not run yet),
   * then their hash claims in {@code importHashes}; only the two collections under the user's own
   * document are read.
   */
  @Override
  public int eraseImports(UserId userId, RegionId home) {
    guard.requireHome(home);
    int removed =
        CollectionEraser.eraseAll(firestore, user(userId).collection(ImportDocument.COLLECTION));
    CollectionEraser.eraseAll(firestore, user(userId).collection(HASHES));
    return removed;
  }

  private Optional<Map<String, Object>> claimHash(ImportJob job) {
    DocumentReference ref = hash(job.userId(), job.sha256());
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("importId", job.id().value());
    fields.put(
        "claimedAt", ActivityDocument.timestamp(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    fields.put(
        ImportDocument.EXPIRES_AT,
        ActivityDocument.timestamp(job.createdAt().plus(ImportDocument.RETENTION)));
    Optional<VersionedDocument> existing = VersionedDocuments.read(ref);
    if (existing.isEmpty()) {
      VersionedDocuments.create(ref, fields);
      return Optional.of(fields);
    }
    Map<String, Object> held = existing.get().data();
    if (job.id().value().equals(held.get("importId"))) {
      return Optional.empty();
    }
    if (isLive(job.userId(), held)) {
      throw new VersionConflictException("this file is already imported");
    }
    VersionedDocuments.replace(existing.get(), fields);
    return Optional.of(fields);
  }

  private boolean isLive(UserId userId, Map<String, Object> held) {
    Instant now = clock.instant();
    if (ImportDocument.expired(held, now)) {
      return false;
    }
    Optional<ImportJob> claimant =
        readLive(userId, (String) held.get("importId")).map(ImportDocument::toDomain);
    if (claimant.isPresent()) {
      return claimant.get().holdsHash();
    }
    Instant claimedAt = ActivityDocument.instant((Timestamp) held.get("claimedAt"));
    return claimedAt.plus(FirestoreActivityStore.CLAIM_GRACE).isAfter(now);
  }

  private void release(ImportJob job, Map<String, Object> written) {
    try {
      Optional<VersionedDocument> current =
          VersionedDocuments.read(hash(job.userId(), job.sha256()));
      if (current.isPresent()
          && written.get("importId").equals(current.get().data().get("importId"))
          && written.get("claimedAt").equals(current.get().data().get("claimedAt"))) {
        VersionedDocuments.delete(current.get());
      }
    } catch (VersionConflictException | StoreUnavailableException e) {
      // Taken over, or unreachable: a claim whose import is missing goes stale anyway.
    }
  }

  private Optional<Map<String, Object>> readLive(UserId userId, String importId) {
    DocumentSnapshot snapshot = FirestoreCalls.await(document(userId, importId).get());
    if (!snapshot.exists() || ImportDocument.expired(snapshot.getData(), clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(snapshot.getData());
  }

  private DocumentReference document(UserId userId, String importId) {
    return user(userId).collection(ImportDocument.COLLECTION).document(importId);
  }

  private DocumentReference hash(UserId userId, String sha256) {
    return user(userId).collection(HASHES).document(sha256);
  }

  private DocumentReference user(UserId userId) {
    return firestore.collection(ActivityDocument.USERS).document(userId.value());
  }

  private static boolean sameFile(ImportJob a, ImportJob b) {
    return a.provider() == b.provider()
        && a.format().equals(b.format())
        && a.originalKey().equals(b.originalKey())
        && a.sha256().equals(b.sha256())
        && a.createdAt().equals(b.createdAt());
  }

  private static boolean sameOutcome(ImportJob a, ImportJob b) {
    return a.status() == b.status()
        && a.activityIds().equals(b.activityIds())
        && Objects.equals(a.failure(), b.failure());
  }
}
