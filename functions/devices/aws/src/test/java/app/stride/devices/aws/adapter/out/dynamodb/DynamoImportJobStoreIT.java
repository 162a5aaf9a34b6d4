package app.stride.devices.aws.adapter.out.dynamodb;

import static app.stride.devices.aws.adapter.out.dynamodb.ActivityTestData.NOW;
import static app.stride.devices.aws.adapter.out.dynamodb.ActivityTestData.aSha256;
import static app.stride.devices.aws.adapter.out.dynamodb.ActivityTestData.anActivity;
import static app.stride.devices.aws.adapter.out.dynamodb.ActivityTestData.anEvent;
import static app.stride.devices.aws.adapter.out.dynamodb.ActivityTestData.anImport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.aws.dynamodb.LocalTables;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.ActivityId;
import app.stride.devices.domain.ImportFailure;
import app.stride.devices.domain.ImportId;
import app.stride.devices.domain.ImportJob;
import app.stride.devices.domain.UserId;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.UniqueNames;
import app.stride.testkit.time.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link DynamoImportJobStore} against a real dynalite: layout, hash claims, outcomes, expiry. */
class DynamoImportJobStoreIT {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();

  private static final RegionId EU = RegionId.of("eu");
  private static final UserId ANA = new UserId("ana");

  private DynamoDbClient client;
  private DynamoImportJobStore store;
  private MutableClock clock;
  private String table;

  @BeforeEach
  void freshTable() {
    client =
        DynamoDbClients.client(
            new DynamoDbSettings(
                Region.of(DynaliteExtension.REGION), Optional.of(DYNAMO.endpoint())));
    table = UniqueNames.uniqueName("stride-devices-eu");
    clock = new MutableClock(NOW);
    var enhanced = DynamoDbClients.enhanced(client);
    LocalTables.createIfMissing(
        new DynamoActivityStore(enhanced, table, EU, clock).table(), client);
    store = new DynamoImportJobStore(enhanced, table, EU, clock);
  }

  private static ImportJob anUpload(String sha256) {
    ImportId id = ImportId.next(NOW, new SecureRandom());
    return ImportJob.awaitingUpload(
        id, ANA, "application/zip", "originals/ana/" + id, sha256, 222_298_112L, NOW);
  }

  @Test
  void create_thenFind_andFindBySha256_returnTheImport_expiringIn30Days() {
    ImportJob job = anImport("ana", aSha256(), NOW);

    store.create(job, EU);

    assertThat(store.find(ANA, job.id(), EU)).contains(job);
    assertThat(store.findBySha256(ANA, job.sha256(), EU)).contains(job);
    Map<String, AttributeValue> raw = raw("IMPORT#" + job.id());
    assertThat(raw.get("status").s()).isEqualTo("processing");
    assertThat(raw.get("expiresAt").n())
        .isEqualTo(Long.toString(NOW.plus(Duration.ofDays(30)).getEpochSecond()));
    assertThat(raw("SHA#" + job.sha256()).get("claimedImportId").s()).isEqualTo(job.id().value());
  }

  @Test
  void create_ofTheSameFileAgain_conflicts_andKeepsTheFirstImport() {
    String sha = aSha256();
    ImportJob first = anImport("ana", sha, NOW);
    store.create(first, EU);
    ImportJob again = anImport("ana", sha, NOW.plusSeconds(5));

    assertThatThrownBy(() -> store.create(again, EU)).isInstanceOf(VersionConflictException.class);

    assertThat(store.find(ANA, again.id(), EU)).isEmpty();
    assertThat(store.findBySha256(ANA, sha, EU)).contains(first);
  }

  @Test
  void theSameFile_ofAnotherUser_isAnotherImport() {
    String sha = aSha256();
    ImportJob ana = anImport("ana", sha, NOW);
    ImportJob bob = anImport("bob", sha, NOW);
    store.create(ana, EU);

    store.create(bob, EU);

    assertThat(store.find(new UserId("bob"), ana.id(), EU)).isEmpty();
    assertThat(store.findBySha256(new UserId("bob"), sha, EU)).contains(bob);
    assertThat(store.findBySha256(new UserId("carol"), sha, EU)).isEmpty();
  }

  @Test
  void update_toDone_isStored_aRepeatIsHarmless_andAnotherOutcomeConflicts() {
    ImportJob job = anImport("ana", aSha256(), NOW);
    store.create(job, EU);
    ActivityId activity = ActivityId.next(NOW, new SecureRandom());
    ImportJob done = job.done(List.of(activity), NOW.plusSeconds(3));

    store.update(done, EU);
    store.update(done, EU);

    assertThat(store.find(ANA, job.id(), EU)).contains(done);
    assertThat(store.findBySha256(ANA, job.sha256(), EU)).contains(done);
    ImportJob failed = job.failed(new ImportFailure("corrupt-file", "bad CRC"), NOW.plusSeconds(4));
    assertThatThrownBy(() -> store.update(failed, EU)).isInstanceOf(VersionConflictException.class);
    assertThat(raw("IMPORT#" + job.id()).get("expiresAt").n())
        .isEqualTo(Long.toString(NOW.plusSeconds(3).plus(Duration.ofDays(30)).getEpochSecond()));
  }

  @Test
  void update_toFailed_keepsTheFailure() {
    ImportJob job = anImport("ana", aSha256(), NOW);
    store.create(job, EU);
    ImportJob failed = job.failed(new ImportFailure("corrupt-file", "bad CRC"), NOW.plusSeconds(1));

    store.update(failed, EU);

    assertThat(store.find(ANA, job.id(), EU)).contains(failed);
  }

  @Test
  void anAnnouncedUpload_movesToProcessingThenDone_keepingItsSize_andNeverBack() {
    ImportJob awaiting = anUpload(aSha256());
    store.create(awaiting, EU);
    assertThat(raw("IMPORT#" + awaiting.id()).get("status").s()).isEqualTo("awaiting-upload");
    ImportJob processing = awaiting.processing(NOW.plusSeconds(60));

    store.update(processing, EU);

    assertThat(store.find(ANA, awaiting.id(), EU)).contains(processing);
    assertThat(raw("IMPORT#" + awaiting.id()).get("size").n()).isEqualTo("222298112");
    assertThatThrownBy(() -> store.update(awaiting, EU))
        .isInstanceOf(VersionConflictException.class);
    ImportJob done =
        processing.done(List.of(ActivityId.next(NOW, new SecureRandom())), NOW.plusSeconds(90));
    store.update(done, EU);
    assertThat(store.find(ANA, awaiting.id(), EU)).contains(done);
  }

  @Test
  void anUploadFailedForItsChecksum_doesNotHoldTheHash_soTheFileCanBeAnnouncedAgain() {
    String sha = aSha256();
    ImportJob first = anUpload(sha);
    store.create(first, EU);
    store.update(
        first.failed(
            new ImportFailure(ImportJob.CHECKSUM_MISMATCH, "not the announced file"),
            NOW.plusSeconds(5)),
        EU);

    ImportJob again = anUpload(sha);
    store.create(again, EU);

    assertThat(store.findBySha256(ANA, sha, EU)).contains(again);
    assertThat(store.find(ANA, first.id(), EU)).isPresent();
  }

  @Test
  void update_ofAMissingImport_conflicts() {
    ImportJob job = anImport("ana", aSha256(), NOW);

    assertThatThrownBy(() -> store.update(job.failed(new ImportFailure("x", "y"), NOW), EU))
        .isInstanceOf(VersionConflictException.class);
  }

  @Test
  void anExpiredImport_readsAsAbsent_andItsFileMayBeImportedAgain() {
    String sha = aSha256();
    ImportJob old = anImport("ana", sha, NOW);
    store.create(old, EU);
    clock.advance(Duration.ofDays(31));

    assertThat(store.find(ANA, old.id(), EU)).isEmpty();
    assertThat(store.findBySha256(ANA, sha, EU)).isEmpty();
    ImportJob again = anImport("ana", sha, clock.instant());
    store.create(again, EU);

    assertThat(store.findBySha256(ANA, sha, EU)).contains(again);
  }

  @Test
  void create_refusesAMalformedHash_andFindTreatsOneAsAbsent() {
    ImportJob job = anImport("ana", "../../etc", NOW);

    assertThatThrownBy(() -> store.create(job, EU)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.findBySha256(ANA, "ABC", EU)).isEmpty();
  }

  @Test
  void eraseImports_removesTheUsersImportsAndHashClaims_expiredIncluded_andNoOtherUsers() {
    UserId usr1 = new UserId("usr_1");
    UserId usr10 = new UserId("usr_10");
    String sha = aSha256();
    ImportJob processing = anImport("usr_1", sha, NOW);
    ImportJob done = anImport("usr_1", aSha256(), NOW);
    ImportJob expired = anImport("usr_1", aSha256(), NOW.minus(Duration.ofDays(31)));
    ImportJob others = anImport("usr_10", sha, NOW);
    store.create(processing, EU);
    store.create(done, EU);
    store.update(done.done(List.of(ActivityId.next(NOW, new SecureRandom())), NOW), EU);
    store.create(expired, EU);
    store.create(others, EU);
    List<Map<String, AttributeValue>> othersItems = partition("usr_10");
    assertThat(partition("usr_1")).as("3 imports, 3 hash claims").hasSize(6);

    int erased = store.eraseImports(usr1, EU);

    assertThat(erased).isEqualTo(3);
    assertThat(partition("usr_1")).isEmpty();
    assertThat(store.find(usr1, processing.id(), EU)).isEmpty();
    assertThat(store.findBySha256(usr1, sha, EU)).isEmpty();
    assertThat(partition("usr_10")).isEqualTo(othersItems);
    assertThat(store.find(usr10, others.id(), EU)).contains(others);
    assertThat(store.findBySha256(usr10, sha, EU)).contains(others);
  }

  @Test
  void eraseImports_again_removesNothing_andTheSameFileCanBeImportedAnew() {
    UserId usr1 = new UserId("usr_1");
    String sha = aSha256();
    store.create(anImport("usr_1", sha, NOW), EU);
    assertThat(store.eraseImports(usr1, EU)).isEqualTo(1);

    assertThat(store.eraseImports(usr1, EU)).isZero();

    ImportJob again = anImport("usr_1", sha, NOW.plusSeconds(1));
    store.create(again, EU);
    assertThat(store.findBySha256(usr1, sha, EU)).contains(again);
  }

  @Test
  void eraseImports_leavesTheUsersActivities_whichTheActivityStoreErases() {
    DynamoActivityStore activities =
        new DynamoActivityStore(DynamoDbClients.enhanced(client), table, EU, clock);
    Activity activity = anActivity().of("usr_1").build();
    activities.create(activity, anEvent("usr_1"), EU);
    store.create(anImport("usr_1", aSha256(), NOW), EU);

    assertThat(store.eraseImports(new UserId("usr_1"), EU)).isEqualTo(1);

    assertThat(activities.find(new UserId("usr_1"), activity.id(), EU)).contains(activity);
    assertThat(partition("usr_1"))
        .extracting(item -> item.get("sk").s())
        .allMatch(sk -> sk.startsWith("ACTIVITY#") || sk.startsWith("SOURCE#"))
        .hasSize(2);
  }

  @Test
  void everyMethod_refusesAForeignHomeRegion() {
    ImportJob job = anImport("ana", aSha256(), NOW);
    RegionId apac = RegionId.of("apac");

    assertThatThrownBy(() -> store.create(job, apac)).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> store.update(job, apac)).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> store.find(ANA, job.id(), apac))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().type()).isEqualTo(ProblemType.WRONG_REGION.uri()));
    assertThatThrownBy(() -> store.findBySha256(ANA, job.sha256(), apac))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> store.eraseImports(ANA, apac))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().type()).isEqualTo(ProblemType.WRONG_REGION.uri()));
    assertThat(store.find(ANA, job.id(), EU)).isEmpty();
  }

  /** Every item under {@code user}'s partition key, read raw (every kind), in key order. */
  private List<Map<String, AttributeValue>> partition(String user) {
    return client
        .queryPaginator(
            r ->
                r.tableName(table)
                    .keyConditionExpression("userId = :user")
                    .expressionAttributeValues(Map.of(":user", AttributeValue.fromS(user)))
                    .consistentRead(true))
        .items()
        .stream()
        .toList();
  }

  private Map<String, AttributeValue> raw(String sortKey) {
    return client
        .getItem(
            r ->
                r.tableName(table)
                    .key(
                        Map.of(
                            "userId", AttributeValue.fromS("ana"),
                            "sk", AttributeValue.fromS(sortKey))))
        .item();
  }
}
