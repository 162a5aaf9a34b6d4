package app.stride.devices.gcp.adapter.out.firestore;

import static app.stride.devices.gcp.adapter.out.firestore.ActivityTestData.NOW;
import static app.stride.devices.gcp.adapter.out.firestore.ConnectionTestData.aConnection;
import static app.stride.devices.gcp.adapter.out.firestore.ConnectionTestData.tokenBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import app.stride.devices.application.port.out.ProviderAccountTakenException;
import app.stride.devices.domain.Connection;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.firestore.FirestoreConfig;
import app.stride.testkit.junit.FirestoreExtension;
import app.stride.testkit.time.MutableClock;
import com.google.cloud.firestore.Blob;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link FirestoreConnectionStore} against the Firestore emulator: layout, account claims,
 * reconnects, token versions, deletes, racing saves. Claims are global, so every test uses fresh
 * users and fresh provider accounts.
 */
class FirestoreConnectionStoreIT {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();

  private static final RegionId APAC = RegionId.of("apac");

  private static Firestore firestore;
  private FirestoreConnectionStore store;
  private MutableClock clock;
  private String ana;
  private String bob;
  private String carol;
  private String account;

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
  void freshUsers() {
    clock = new MutableClock(NOW);
    store = new FirestoreConnectionStore(firestore, APAC, clock);
    String run = UUID.randomUUID().toString();
    ana = "ana-" + run;
    bob = "bob-" + run;
    carol = "carol-" + run;
    account = "athlete-" + run;
  }

  @Test
  void save_thenFind_list_andFindByProviderUser_returnTheConnection_tokensByteExact() {
    Connection strava = aConnection(ana, Provider.STRAVA, account).build();
    Connection garmin =
        aConnection(ana, Provider.GARMIN, account + "-g")
            .withoutRefreshToken()
            .withoutExpiry()
            .withoutScope()
            .build();

    store.save(strava, APAC);
    store.save(garmin, APAC);

    Connection found = store.find(new UserId(ana), Provider.STRAVA, APAC).orElseThrow();
    assertThat(found).isEqualTo(strava);
    assertThat(found.accessToken()).containsExactly(strava.accessToken());
    assertThat(found.refreshToken()).containsExactly(strava.refreshToken());
    Connection bare = store.find(new UserId(ana), Provider.GARMIN, APAC).orElseThrow();
    assertThat(bare.refreshToken()).isNull();
    assertThat(bare.expiresAt()).isNull();
    assertThat(bare.scope()).isNull();
    assertThat(store.list(new UserId(ana), APAC)).containsExactly(garmin, strava);
    assertThat(store.findByProviderUser(Provider.STRAVA, account, APAC)).contains(strava);
    assertThat(store.find(new UserId(bob), Provider.STRAVA, APAC)).isEmpty();
    assertThat(store.list(new UserId(bob), APAC)).isEmpty();
  }

  @Test
  void save_storesBlobs_noExpiresAtField_andAClaimWhoseIdHidesTheAccount() throws Exception {
    String odd = "../" + account + "/__x__";
    Connection strava = aConnection(ana, Provider.STRAVA, odd).build();

    store.save(strava, APAC);

    DocumentSnapshot raw = raw("users/" + ana + "/connections/strava");
    assertThat(raw.getBlob("accessToken")).isEqualTo(Blob.fromBytes(strava.accessToken()));
    assertThat(raw.getBlob("refreshToken")).isEqualTo(Blob.fromBytes(strava.refreshToken()));
    assertThat(raw.contains("expiresAt")).isFalse();
    String claimId = ConnectionDocument.claimId(Provider.STRAVA, odd);
    assertThat(claimId).matches("strava:[0-9a-f]{64}");
    assertThat(raw("connectionClaims/" + claimId).getString("userId")).isEqualTo(ana);
    assertThat(store.findByProviderUser(Provider.STRAVA, odd, APAC)).contains(strava);
  }

  @Test
  void save_ofAnAccountAnotherUserHolds_isRefused_andWritesNothing() throws Exception {
    Connection first = aConnection(ana, Provider.STRAVA, account).build();
    store.save(first, APAC);
    Connection second = aConnection(bob, Provider.STRAVA, account).build();

    assertThatThrownBy(() -> store.save(second, APAC))
        .isInstanceOfSatisfying(
            ProviderAccountTakenException.class,
            e -> assertThat(e.provider()).isEqualTo(Provider.STRAVA));

    assertThat(raw("users/" + bob + "/connections/strava").exists()).isFalse();
    assertThat(store.findByProviderUser(Provider.STRAVA, account, APAC)).contains(first);
  }

  @Test
  void theSameAccountId_atAnotherProvider_isAnotherAccount() {
    store.save(aConnection(ana, Provider.STRAVA, account).build(), APAC);
    Connection polar = aConnection(bob, Provider.POLAR, account).build();

    store.save(polar, APAC);

    assertThat(store.findByProviderUser(Provider.POLAR, account, APAC)).contains(polar);
  }

  @Test
  void reconnect_withAnotherAccount_releasesTheOldClaim_forAnotherUserToTake() throws Exception {
    String old = account + "-old";
    store.save(aConnection(ana, Provider.STRAVA, old).build(), APAC);
    Connection again =
        aConnection(ana, Provider.STRAVA, account).connectedAt(NOW.plusSeconds(60)).build();

    store.save(again, APAC);

    assertThat(store.find(new UserId(ana), Provider.STRAVA, APAC)).contains(again);
    assertThat(store.findByProviderUser(Provider.STRAVA, account, APAC)).contains(again);
    assertThat(store.findByProviderUser(Provider.STRAVA, old, APAC)).isEmpty();
    assertThat(raw("connectionClaims/" + ConnectionDocument.claimId(Provider.STRAVA, old)).exists())
        .isFalse();
    Connection third = aConnection(carol, Provider.STRAVA, old).build();
    store.save(third, APAC);
    assertThat(store.findByProviderUser(Provider.STRAVA, old, APAC)).contains(third);
  }

  @Test
  void reconnect_withTheSameAccount_replacesTheConnection_atVersion1() {
    Connection first = aConnection(ana, Provider.STRAVA, account).build();
    store.save(first, APAC);
    store.updateTokens(first.withTokens(tokenBytes(), null, null, NOW.plusSeconds(5)), APAC);
    Connection again =
        aConnection(ana, Provider.STRAVA, account).connectedAt(NOW.plusSeconds(60)).build();

    store.save(again, APAC);

    assertThat(store.find(new UserId(ana), Provider.STRAVA, APAC)).contains(again);
    assertThat(store.findByProviderUser(Provider.STRAVA, account, APAC)).contains(again);
  }

  @Test
  void save_refusesAConnectionPastVersion1() {
    Connection refreshed =
        aConnection(ana, Provider.STRAVA, account)
            .build()
            .withTokens(tokenBytes(), null, null, NOW);

    assertThatThrownBy(() -> store.save(refreshed, APAC))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(new UserId(ana), Provider.STRAVA, APAC)).isEmpty();
  }

  @Test
  void updateTokens_atTheNextVersion_isStored_andAStaleVersionConflicts() {
    Connection first = aConnection(ana, Provider.STRAVA, account).build();
    store.save(first, APAC);
    Connection refreshed =
        first.withTokens(tokenBytes(), null, NOW.plusSeconds(3600), NOW.plusSeconds(10));

    store.updateTokens(refreshed, APAC);

    Connection stored = store.find(new UserId(ana), Provider.STRAVA, APAC).orElseThrow();
    assertThat(stored).isEqualTo(refreshed);
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.refreshToken()).isNull();
    assertThat(stored.connectedAt()).isEqualTo(first.connectedAt());
    Connection stale = first.withTokens(tokenBytes(), tokenBytes(), null, NOW.plusSeconds(20));
    assertThatThrownBy(() -> store.updateTokens(stale, APAC))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store.find(new UserId(ana), Provider.STRAVA, APAC)).contains(refreshed);
  }

  @Test
  void updateTokens_afterDelete_orOfAReplacedConnection_conflicts() {
    Connection first = aConnection(ana, Provider.STRAVA, account).build();
    store.save(first, APAC);
    store.delete(new UserId(ana), Provider.STRAVA, APAC);

    assertThatThrownBy(
            () -> store.updateTokens(first.withTokens(tokenBytes(), null, null, NOW), APAC))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store.find(new UserId(ana), Provider.STRAVA, APAC)).isEmpty();

    Connection again =
        aConnection(ana, Provider.STRAVA, account).connectedAt(NOW.plusSeconds(60)).build();
    store.save(again, APAC);
    assertThatThrownBy(
            () -> store.updateTokens(first.withTokens(tokenBytes(), null, null, NOW), APAC))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store.find(new UserId(ana), Provider.STRAVA, APAC)).contains(again);
  }

  @Test
  void delete_removesTheConnectionAndItsClaim_andReturnsWhatWasRemoved() throws Exception {
    Connection first = aConnection(ana, Provider.STRAVA, account).build();
    store.save(first, APAC);

    assertThat(store.delete(new UserId(ana), Provider.STRAVA, APAC)).contains(first);

    assertThat(store.find(new UserId(ana), Provider.STRAVA, APAC)).isEmpty();
    assertThat(store.findByProviderUser(Provider.STRAVA, account, APAC)).isEmpty();
    assertThat(
            raw("connectionClaims/" + ConnectionDocument.claimId(Provider.STRAVA, account))
                .exists())
        .isFalse();
    assertThat(store.delete(new UserId(ana), Provider.STRAVA, APAC)).isEmpty();
    Connection second = aConnection(bob, Provider.STRAVA, account).build();
    store.save(second, APAC);
    assertThat(store.findByProviderUser(Provider.STRAVA, account, APAC)).contains(second);
  }

  @Test
  void concurrentSaves_ofOneAccountByTwoUsers_exactlyOneWins() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        String contested = account + "-" + round;
        List<Connection> contenders =
            List.of(
                aConnection(ana + "-" + round, Provider.WAHOO, contested).build(),
                aConnection(bob + "-" + round, Provider.WAHOO, contested).build());

        List<Boolean> won = race(pool, contenders);

        assertThat(won).containsOnlyOnce(true);
        Connection winner = contenders.get(won.indexOf(true));
        Connection loser = contenders.get(won.indexOf(false));
        assertThat(store.findByProviderUser(Provider.WAHOO, contested, APAC)).contains(winner);
        assertThat(store.find(loser.userId(), Provider.WAHOO, APAC)).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aClaimACrashLeftBehind_staysWithinItsLease_andIsTakenOverAfter() throws Exception {
    store.save(aConnection(ana, Provider.STRAVA, account).build(), APAC);
    // A crash between the claim and the connection: the claim is there, the connection is not.
    firestore.document("users/" + ana + "/connections/strava").delete().get();
    assertThat(store.findByProviderUser(Provider.STRAVA, account, APAC)).isEmpty();
    Connection third = aConnection(carol, Provider.STRAVA, account).build();

    assertThatThrownBy(() -> store.save(third, APAC))
        .isInstanceOf(ProviderAccountTakenException.class);
    clock.advance(FirestoreConnectionStore.CLAIM_LEASE.plus(Duration.ofSeconds(1)));
    store.save(third, APAC);

    assertThat(store.findByProviderUser(Provider.STRAVA, account, APAC)).contains(third);
    assertThat(store.find(new UserId(carol), Provider.STRAVA, APAC)).contains(third);
  }

  @Test
  void findByProviderUser_ofAMalformedAccountId_isEmpty() {
    assertThat(store.findByProviderUser(Provider.STRAVA, "", APAC)).isEmpty();
    assertThat(store.findByProviderUser(Provider.STRAVA, null, APAC)).isEmpty();
    assertThat(store.findByProviderUser(Provider.STRAVA, "x".repeat(129), APAC)).isEmpty();
  }

  @Test
  void everyMethod_refusesAForeignHomeRegion() throws Exception {
    Connection first = aConnection(ana, Provider.STRAVA, account).build();
    UserId user = new UserId(ana);
    RegionId eu = RegionId.of("eu");

    assertThatThrownBy(() -> store.save(first, eu))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().type()).isEqualTo(ProblemType.WRONG_REGION.uri()));
    assertThatThrownBy(() -> store.find(user, Provider.STRAVA, eu))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> store.list(user, eu)).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> store.findByProviderUser(Provider.STRAVA, account, eu))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(
            () -> store.updateTokens(first.withTokens(tokenBytes(), null, null, NOW), eu))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> store.delete(user, Provider.STRAVA, eu))
        .isInstanceOf(ProblemException.class);
    assertThat(store.find(user, Provider.STRAVA, APAC)).isEmpty();
    assertThat(
            raw("connectionClaims/" + ConnectionDocument.claimId(Provider.STRAVA, account))
                .exists())
        .isFalse();
  }

  /** Saves each connection on its own thread, all released at once; whether each save won. */
  private List<Boolean> race(ExecutorService pool, List<Connection> contenders) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    for (Connection contender : contenders) {
      Callable<Boolean> save =
          () -> {
            start.await();
            try {
              store.save(contender, APAC);
              return true;
            } catch (ProviderAccountTakenException e) {
              return false;
            }
          };
      results.add(pool.submit(save));
    }
    start.countDown();
    List<Boolean> won = new ArrayList<>();
    for (Future<Boolean> result : results) {
      won.add(result.get(30, TimeUnit.SECONDS));
    }
    return won;
  }

  private static DocumentSnapshot raw(String path) throws Exception {
    return firestore.document(path).get().get();
  }
}
