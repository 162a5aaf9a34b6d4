package app.stride.devices.aws.adapter.out.dynamodb;

import app.stride.aws.dynamodb.ConditionalWrites;
import app.stride.aws.dynamodb.PartitionEraser;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.core.store.StoreUnavailableException;
import app.stride.core.store.VersionConflictException;
import app.stride.devices.application.port.out.ImportJobStore;
import app.stride.devices.domain.ImportId;
import app.stride.devices.domain.ImportJob;
import app.stride.devices.domain.ImportStatus;
import app.stride.devices.domain.UserId;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The import store of one region on DynamoDB, in the devices table beside the activities ({@link
 * ImportItem} and {@link Sha256ClaimItem} for the layout). Every method first checks the owner's
 * home region.
 *
 * <p>A create first claims the file's SHA-256 (a put that fails if another live claim exists), then
 * puts the import only if absent; when that put loses, the claim is released. A claim is live while
 * it has not expired and its import exists, or while it is younger than {@link
 * DynamoActivityStore#CLAIM_GRACE} (the import write may still be in flight); an import that failed
 * with {@code checksum-mismatch} holds no hash ({@link ImportJob#holdsHash}). An update moves an
 * import forward only (awaiting-upload, processing, then done or failed). Imports and claims carry
 * {@code expiresAt} (the table's TTL attribute); readers treat a passed one as absent, as DynamoDB
 * deletes expired items only eventually.
 *
 * <p>{@code eraseImports} deletes the user's imports and then their hash claims, each kind through
 * a query of the user's own partition ({@link PartitionEraser}).
 */
public final class DynamoImportJobStore implements ImportJobStore {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final TableSchema<ImportItem> IMPORTS = TableSchema.fromBean(ImportItem.class);
  private static final TableSchema<Sha256ClaimItem> CLAIMS =
      TableSchema.fromBean(Sha256ClaimItem.class);

  private final ConditionalWrites<ImportItem> imports;
  private final ConditionalWrites<Sha256ClaimItem> claims;
  private final PartitionEraser eraser;
  private final ResidencyGuard guard;
  private final Clock clock;

  public DynamoImportJobStore(
      DynamoDbEnhancedClient client, String tableName, RegionId region, Clock clock) {
    this.imports = new ConditionalWrites<>(client.table(tableName, IMPORTS));
    this.claims = new ConditionalWrites<>(client.table(tableName, CLAIMS));
    this.eraser = new PartitionEraser(client);
    this.guard = new ResidencyGuard(region);
    this.clock = clock;
  }

  @Override
  public Optional<ImportJob> find(UserId userId, ImportId id, RegionId home) {
    guard.requireHome(home);
    return readLive(userId, id.value()).map(ImportItemMapper::toDomain);
  }

  @Override
  public Optional<ImportJob> findBySha256(UserId userId, String sha256, RegionId home) {
    guard.requireHome(home);
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      return Optional.empty();
    }
    return claims
        .get(key(userId.value(), SortKeys.sha256(sha256)))
        .filter(claim -> claim.getExpiresAt() > nowSeconds())
        .flatMap(claim -> readLive(userId, claim.getClaimedImportId()))
        .filter(item -> sha256.equals(item.getSha256()))
        .map(ImportItemMapper::toDomain)
        .filter(ImportJob::holdsHash);
  }

  @Override
  public void create(ImportJob job, RegionId home) {
    guard.requireHome(home);
    if (!SHA256.matcher(job.sha256()).matches()) {
      throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
    }
    Optional<Sha256ClaimItem> claimed = claimHash(job);
    try {
      imports.putVersioned(ImportItemMapper.toItem(job));
    } catch (VersionConflictException e) {
      claimed.ifPresent(this::release);
      throw new VersionConflictException("import " + job.id() + " exists", e);
    }
  }

  @Override
  public void update(ImportJob job, RegionId home) {
    guard.requireHome(home);
    ImportItem current =
        readLive(job.userId(), job.id().value())
            .orElseThrow(() -> new VersionConflictException("import " + job.id() + " is gone"));
    ImportJob stored = ImportItemMapper.toDomain(current);
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
    ImportItem item = ImportItemMapper.toItem(job);
    item.setRevision(current.getRevision());
    imports.putVersioned(item);
  }

  /**
   * Deletes the user's imports, expired ones included, then their SHA-256 claims, in batches
   * ({@link PartitionEraser}); returns how many imports it deleted.
   */
  @Override
  public int eraseImports(UserId userId, RegionId home) {
    guard.requireHome(home);
    int erased = eraser.erase(imports.table(), userId.value(), SortKeys.IMPORT);
    eraser.erase(claims.table(), userId.value(), SortKeys.SHA);
    return erased;
  }

  private Optional<Sha256ClaimItem> claimHash(ImportJob job) {
    String userId = job.userId().value();
    String sortKey = SortKeys.sha256(job.sha256());
    Optional<Sha256ClaimItem> existing = claims.get(key(userId, sortKey));
    if (existing.isPresent()) {
      Sha256ClaimItem held = existing.get();
      if (job.id().value().equals(held.getClaimedImportId())) {
        return Optional.empty();
      }
      if (isLive(job.userId(), held)) {
        throw new VersionConflictException("this file is already imported");
      }
    }
    Sha256ClaimItem item = new Sha256ClaimItem();
    item.setUserId(userId);
    item.setSk(sortKey);
    item.setClaimedImportId(job.id().value());
    item.setClaimedAt(clock.millis());
    item.setExpiresAt(job.createdAt().plus(ImportItemMapper.RETENTION).getEpochSecond());
    item.setRevision(existing.map(Sha256ClaimItem::getRevision).orElse(null));
    claims.putVersioned(item);
    return Optional.of(item);
  }

  private boolean isLive(UserId userId, Sha256ClaimItem held) {
    if (held.getExpiresAt() <= nowSeconds()) {
      return false;
    }
    Optional<ImportJob> claimant =
        readLive(userId, held.getClaimedImportId()).map(ImportItemMapper::toDomain);
    if (claimant.isPresent()) {
      return claimant.get().holdsHash();
    }
    return clock.millis() - held.getClaimedAt() < DynamoActivityStore.CLAIM_GRACE.toMillis();
  }

  private void release(Sha256ClaimItem claim) {
    Expression stillOurs =
        Expression.builder()
            .expression("#id = :id AND #at = :at")
            .expressionNames(Map.of("#id", "claimedImportId", "#at", "claimedAt"))
            .expressionValues(
                Map.of(
                    ":id", AttributeValue.fromS(claim.getClaimedImportId()),
                    ":at", AttributeValue.fromN(Long.toString(claim.getClaimedAt()))))
            .build();
    try {
      claims.deleteIf(key(claim.getUserId(), claim.getSk()), stillOurs);
    } catch (VersionConflictException | StoreUnavailableException e) {
      // Taken over, or unreachable: a claim whose import is missing goes stale anyway.
    }
  }

  private Optional<ImportItem> readLive(UserId userId, String importId) {
    return imports
        .get(key(userId.value(), SortKeys.IMPORT + importId))
        .filter(item -> item.getExpiresAt() > nowSeconds());
  }

  private long nowSeconds() {
    return clock.instant().getEpochSecond();
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

  private static Key key(String userId, String sortKey) {
    return Key.builder().partitionValue(userId).sortValue(sortKey).build();
  }
}
