package app.stride.devices.gcp.adapter.out.firestore;

import static app.stride.devices.gcp.adapter.out.firestore.ActivityTestData.NOW;
import static app.stride.devices.gcp.adapter.out.firestore.ActivityTestData.aSha256;
import static app.stride.devices.gcp.adapter.out.firestore.ActivityTestData.anImport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import app.stride.devices.domain.ActivityId;
import app.stride.devices.domain.ImportFailure;
import app.stride.devices.domain.ImportId;
import app.stride.devices.domain.ImportJob;
import app.stride.devices.domain.UserId;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.firestore.FirestoreConfig;
import app.stride.testkit.junit.FirestoreExtension;
import app.stride.testkit.time.MutableClock;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link FirestoreImportJobStore} against the Firestore emulator: layout, hash claims, expiry. */
class FirestoreImportJobStoreIT {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();

  private static final RegionId APAC = RegionId.of("apac");

  private static Firestore firestore;
  private FirestoreImportJobStore store;
  private MutableClock clock;
  private String user;
  private UserId userId;

  @BeforeAll
  static void connect() {
    firestore =
        FirestoreClients.create(
            new FirestoreConfig(
                FIRESTORE.projectId(), null, Optional.of(FIRESTORE.emulatorHost())));
  }

  @AfterAll
  static void close() throws Exception {
    firestore.close();
  }

  @BeforeEach
  void freshUser() {
    clock = new MutableClock(NOW);
    store = new FirestoreImportJobStore(firestore, APAC, clock);
    user = "u-" + UUID.randomUUID();
    userId = new UserId(user);
  }

  @Test
  void create_thenFind_andFindBySha256_returnTheImport_expiringIn30Days() throws Exception {
    ImportJob job = anImport(user, aSha256(), NOW);

    store.create(job, APAC);

    assertThat(store.find(userId, job.id(), APAC)).contains(job);
    assertThat(store.findBySha256(userId, job.sha256(), APAC)).contains(job);
    DocumentSnapshot raw = raw("users/" + user + "/imports/" + job.id());
    assertThat(raw.getString("status")).isEqualTo("processing");
    assertThat(raw.getTimestamp("expiresAt"))
        .isEqualTo(
            Timestamp.ofTimeSecondsAndNanos(NOW.plus(Duration.ofDays(30)).getEpochSecond(), 0));
    assertThat(raw("users/" + user + "/importHashes/" + job.sha256()).getString("importId"))
        .isEqualTo(job.id().value());
  }

  @Test
  void create_ofTheSameFileAgain_conflicts_andKeepsTheFirstImport() {
    String sha = aSha256();
    ImportJob first = anImport(user, sha, NOW);
    store.create(first, APAC);
    ImportJob again = anImport(user, sha, NOW.plusSeconds(5));

    assertThatThrownBy(() -> store.create(again, APAC))
        .isInstanceOf(VersionConflictException.class);

    assertThat(store.find(userId, again.id(), APAC)).isEmpty();
    assertThat(store.findBySha256(userId, sha, APAC)).contains(first);
  }

  @Test
  void theSameFile_ofAnotherUser_isAnotherImport() {
    String sha = aSha256();
    String bob = "bob-" + UUID.randomUUID();
    ImportJob ana = anImport(user, sha, NOW);
    ImportJob bobs = anImport(bob, sha, NOW);
    store.create(ana, APAC);

    store.create(bobs, APAC);

    assertThat(store.find(new UserId(bob), ana.id(), APAC)).isEmpty();
    assertThat(store.findBySha256(new UserId(bob), sha, APAC)).contains(bobs);
    assertThat(store.findBySha256(new UserId("carol-" + UUID.randomUUID()), sha, APAC)).isEmpty();
  }

  @Test
  void update_toDone_isStored_aRepeatIsHarmless_andAnotherOutcomeConflicts() {
    ImportJob job = anImport(user, aSha256(), NOW);
    store.create(job, APAC);
    ImportJob done =
        job.done(List.of(ActivityId.next(NOW, new SecureRandom())), NOW.plusSeconds(3));

    store.update(done, APAC);
    store.update(done, APAC);

    assertThat(store.find(userId, job.id(), APAC)).contains(done);
    assertThat(store.findBySha256(userId, job.sha256(), APAC)).contains(done);
    ImportJob failed = job.failed(new ImportFailure("corrupt-file", "bad CRC"), NOW.plusSeconds(4));
    assertThatThrownBy(() -> store.update(failed, APAC))
        .isInstanceOf(VersionConflictException.class);
  }

  @Test
  void update_toFailed_keepsTheFailure() {
    ImportJob job = anImport(user, aSha256(), NOW);
    store.create(job, APAC);
    ImportJob failed = job.failed(new ImportFailure("corrupt-file", "bad CRC"), NOW.plusSeconds(1));

    store.update(failed, APAC);

    assertThat(store.find(userId, job.id(), APAC)).contains(failed);
  }

  @Test
  void anAnnouncedUpload_movesToProcessingThenDone_keepingItsSize_andNeverBack() throws Exception {
    ImportJob awaiting = anUpload(aSha256());
    store.create(awaiting, APAC);
    ImportJob processing = awaiting.processing(NOW.plusSeconds(60));

    store.update(processing, APAC);

    assertThat(store.find(userId, awaiting.id(), APAC)).contains(processing);
    DocumentSnapshot raw = raw("users/" + user + "/imports/" + awaiting.id());
    assertThat(raw.getString("status")).isEqualTo("processing");
    assertThat(raw.getLong("size")).isEqualTo(222_298_112L);
    assertThatThrownBy(() -> store.update(awaiting, APAC))
        .isInstanceOf(VersionConflictException.class);
    ImportJob done =
        processing.done(List.of(ActivityId.next(NOW, new SecureRandom())), NOW.plusSeconds(90));
    store.update(done, APAC);
    assertThat(store.find(userId, awaiting.id(), APAC)).contains(done);
  }

  @Test
  void anUploadFailedForItsChecksum_doesNotHoldTheHash_soTheFileCanBeAnnouncedAgain() {
    String sha = aSha256();
    ImportJob first = anUpload(sha);
    store.create(first, APAC);
    store.update(
        first.failed(
            new ImportFailure(ImportJob.CHECKSUM_MISMATCH, "not the announced file"),
            NOW.plusSeconds(5)),
        APAC);

    ImportJob again = anUpload(sha);
    store.create(again, APAC);

    assertThat(store.findBySha256(userId, sha, APAC)).contains(again);
    assertThat(store.find(userId, first.id(), APAC)).isPresent();
  }

  private ImportJob anUpload(String sha256) {
    ImportId id = ImportId.next(NOW, new SecureRandom());
    return ImportJob.awaitingUpload(
        id, userId, "application/zip", "originals/" + user + "/" + id, sha256, 222_298_112L, NOW);
  }

  @Test
  void update_ofAMissingImport_conflicts() {
    ImportJob job = anImport(user, aSha256(), NOW);

    assertThatThrownBy(() -> store.update(job.failed(new ImportFailure("x", "y"), NOW), APAC))
        .isInstanceOf(VersionConflictException.class);
  }

  @Test
  void anExpiredImport_readsAsAbsent_andItsFileMayBeImportedAgain() {
    String sha = aSha256();
    ImportJob old = anImport(user, sha, NOW);
    store.create(old, APAC);
    clock.advance(Duration.ofDays(31));

    assertThat(store.find(userId, old.id(), APAC)).isEmpty();
    assertThat(store.findBySha256(userId, sha, APAC)).isEmpty();
    ImportJob again = anImport(user, sha, clock.instant());
    store.create(again, APAC);

    assertThat(store.findBySha256(userId, sha, APAC)).contains(again);
  }

  @Test
  void create_refusesAMalformedHash_andFindTreatsOneAsAbsent() {
    ImportJob job = anImport(user, "../../etc", NOW);

    assertThatThrownBy(() -> store.create(job, APAC)).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.findBySha256(userId, "ABC", APAC)).isEmpty();
  }

  @Test
  void eraseImports_removesTheUsersImportsAndHashClaims_andNoneOfAUserWhoseIdItPrefixes()
      throws Exception {
    UserId usr1 = new UserId("usr_1");
    UserId usr10 = new UserId("usr_10");
    String shared = aSha256();
    ImportJob done = anImport("usr_1", shared, NOW);
    store.create(done, APAC);
    store.update(done.done(List.of(ActivityId.next(NOW, new SecureRandom())), NOW), APAC);
    store.create(anImport("usr_1", aSha256(), NOW), APAC);
    ImportJob kept = anImport("usr_10", shared, NOW);
    store.create(kept, APAC);

    int removed = store.eraseImports(usr1, APAC);

    assertThat(removed).isEqualTo(2);
    assertThat(firestore.document("users/usr_1").listCollections()).isEmpty();
    assertThat(firestore.collection("users/usr_1/imports").listDocuments()).isEmpty();
    assertThat(firestore.collection("users/usr_1/importHashes").listDocuments()).isEmpty();
    assertThat(store.findBySha256(usr1, shared, APAC)).isEmpty();
    assertThat(store.find(usr10, kept.id(), APAC)).contains(kept);
    assertThat(store.findBySha256(usr10, shared, APAC)).contains(kept);
    assertThat(raw("users/usr_10/importHashes/" + shared).getString("importId"))
        .isEqualTo(kept.id().value());
  }

  @Test
  void eraseImports_again_removesNothing_andTheFileCanBeImportedAgain() {
    String sha = aSha256();
    store.create(anImport(user, sha, NOW), APAC);
    assertThat(store.eraseImports(userId, APAC)).isEqualTo(1);

    assertThat(store.eraseImports(userId, APAC)).isZero();

    ImportJob again = anImport(user, sha, NOW);
    store.create(again, APAC);
    assertThat(store.findBySha256(userId, sha, APAC)).contains(again);
  }

  @Test
  void everyMethod_refusesAForeignHomeRegion() {
    ImportJob job = anImport(user, aSha256(), NOW);
    RegionId us = RegionId.of("us");

    assertThatThrownBy(() -> store.create(job, us)).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> store.update(job, us)).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> store.find(userId, job.id(), us))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().type()).isEqualTo(ProblemType.WRONG_REGION.uri()));
    assertThatThrownBy(() -> store.findBySha256(userId, job.sha256(), us))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> store.eraseImports(userId, us))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().type()).isEqualTo(ProblemType.WRONG_REGION.uri()));
    assertThat(store.find(userId, job.id(), APAC)).isEmpty();
  }

  private static DocumentSnapshot raw(String path) throws Exception {
    return firestore.document(path).get().get();
  }
}
