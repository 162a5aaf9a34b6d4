package app.stride.devices.aws.adapter.out.dynamodb;

import static app.stride.devices.aws.adapter.out.dynamodb.ActivityTestData.NOW;
import static app.stride.devices.aws.adapter.out.dynamodb.ConnectionTestData.aConnection;
import static app.stride.devices.aws.adapter.out.dynamodb.ConnectionTestData.tokenBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.aws.dynamodb.LocalTables;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import app.stride.devices.application.port.out.ProviderAccountTakenException;
import app.stride.devices.domain.Connection;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.UniqueNames;
import app.stride.testkit.time.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link DynamoConnectionStore} against a real dynalite: layout, account claims, reconnects, token
 * versions, deletes, racing saves.
 */
class DynamoConnectionStoreIT {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();

  private static final RegionId EU = RegionId.of("eu");
  private static final UserId ANA = new UserId("ana");
  private static final UserId BOB = new UserId("bob");
  private static final UserId CAROL = new UserId("carol");

  private DynamoDbClient client;
  private DynamoConnectionStore store;
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
    store = new DynamoConnectionStore(enhanced, table, EU, clock);
  }

  @Test
  void save_thenFind_list_andFindByProviderUser_returnTheConnection_tokensByteExact() {
    Connection strava = aConnection("ana", Provider.STRAVA, "athlete-1").build();
    Connection garmin =
        aConnection("ana", Provider.GARMIN, "g-1")
            .withoutRefreshToken()
            .withoutExpiry()
            .withoutScope()
            .build();

    store.save(strava, EU);
    store.save(garmin, EU);

    Connection found = store.find(ANA, Provider.STRAVA, EU).orElseThrow();
    assertThat(found).isEqualTo(strava);
    assertThat(found.accessToken()).containsExactly(strava.accessToken());
    assertThat(found.refreshToken()).containsExactly(strava.refreshToken());
    Connection bare = store.find(ANA, Provider.GARMIN, EU).orElseThrow();
    assertThat(bare.refreshToken()).isNull();
    assertThat(bare.expiresAt()).isNull();
    assertThat(bare.scope()).isNull();
    assertThat(store.list(ANA, EU)).containsExactly(garmin, strava);
    assertThat(store.findByProviderUser(Provider.STRAVA, "athlete-1", EU)).contains(strava);
    assertThat(store.find(BOB, Provider.STRAVA, EU)).isEmpty();
    assertThat(store.list(BOB, EU)).isEmpty();
  }

  @Test
  void save_storesBinaryTokens_noTtlAttribute_andTheClaimInItsOwnPartition() {
    Connection strava = aConnection("ana", Provider.STRAVA, "athlete-1").build();

    store.save(strava, EU);

    Map<String, AttributeValue> item = raw("ana", "CONNECTION#strava");
    assertThat(item.get("accessToken").b().asByteArray()).containsExactly(strava.accessToken());
    assertThat(item.get("refreshToken").b().asByteArray()).containsExactly(strava.refreshToken());
    assertThat(item).doesNotContainKey("expiresAt");
    Map<String, AttributeValue> claim = raw("CONNECTION#strava#athlete-1", "CLAIM");
    assertThat(claim.get("claimedUserId").s()).isEqualTo("ana");
  }

  @Test
  void save_ofAnAccountAnotherUserHolds_isRefused_andWritesNothing() {
    Connection ana = aConnection("ana", Provider.STRAVA, "athlete-1").build();
    store.save(ana, EU);
    Connection bob = aConnection("bob", Provider.STRAVA, "athlete-1").build();

    assertThatThrownBy(() -> store.save(bob, EU))
        .isInstanceOfSatisfying(
            ProviderAccountTakenException.class,
            e -> assertThat(e.provider()).isEqualTo(Provider.STRAVA));

    assertThat(store.find(BOB, Provider.STRAVA, EU)).isEmpty();
    assertThat(rawOrEmpty("bob", "CONNECTION#strava")).isEmpty();
    assertThat(store.findByProviderUser(Provider.STRAVA, "athlete-1", EU)).contains(ana);
  }

  @Test
  void theSameAccountId_atAnotherProvider_isAnotherAccount() {
    store.save(aConnection("ana", Provider.STRAVA, "42").build(), EU);
    Connection bob = aConnection("bob", Provider.POLAR, "42").build();

    store.save(bob, EU);

    assertThat(store.findByProviderUser(Provider.POLAR, "42", EU)).contains(bob);
  }

  @Test
  void reconnect_withAnotherAccount_releasesTheOldClaim_forAnotherUserToTake() {
    store.save(aConnection("ana", Provider.STRAVA, "old").build(), EU);
    Connection again =
        aConnection("ana", Provider.STRAVA, "new").connectedAt(NOW.plusSeconds(60)).build();

    store.save(again, EU);

    assertThat(store.find(ANA, Provider.STRAVA, EU)).contains(again);
    assertThat(store.findByProviderUser(Provider.STRAVA, "new", EU)).contains(again);
    assertThat(store.findByProviderUser(Provider.STRAVA, "old", EU)).isEmpty();
    assertThat(rawOrEmpty("CONNECTION#strava#old", "CLAIM")).isEmpty();
    Connection carol = aConnection("carol", Provider.STRAVA, "old").build();
    store.save(carol, EU);
    assertThat(store.findByProviderUser(Provider.STRAVA, "old", EU)).contains(carol);
  }

  @Test
  void reconnect_withTheSameAccount_replacesTheConnection_atVersion1() {
    Connection first = aConnection("ana", Provider.STRAVA, "athlete-1").build();
    store.save(first, EU);
    store.updateTokens(first.withTokens(tokenBytes(), null, null, NOW.plusSeconds(5)), EU);
    Connection again =
        aConnection("ana", Provider.STRAVA, "athlete-1").connectedAt(NOW.plusSeconds(60)).build();

    store.save(again, EU);

    assertThat(store.find(ANA, Provider.STRAVA, EU)).contains(again);
    assertThat(store.findByProviderUser(Provider.STRAVA, "athlete-1", EU)).contains(again);
  }

  @Test
  void save_refusesAConnectionPastVersion1() {
    Connection first = aConnection("ana", Provider.STRAVA, "athlete-1").build();
    Connection refreshed = first.withTokens(tokenBytes(), null, null, NOW);

    assertThatThrownBy(() -> store.save(refreshed, EU))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.find(ANA, Provider.STRAVA, EU)).isEmpty();
  }

  @Test
  void updateTokens_atTheNextVersion_isStored_andAStaleVersionConflicts() {
    Connection first = aConnection("ana", Provider.STRAVA, "athlete-1").build();
    store.save(first, EU);
    Connection refreshed =
        first.withTokens(tokenBytes(), null, NOW.plusSeconds(3600), NOW.plusSeconds(10));

    store.updateTokens(refreshed, EU);

    Connection stored = store.find(ANA, Provider.STRAVA, EU).orElseThrow();
    assertThat(stored).isEqualTo(refreshed);
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.refreshToken()).isNull();
    assertThat(stored.connectedAt()).isEqualTo(first.connectedAt());
    Connection stale = first.withTokens(tokenBytes(), tokenBytes(), null, NOW.plusSeconds(20));
    assertThatThrownBy(() -> store.updateTokens(stale, EU))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store.find(ANA, Provider.STRAVA, EU)).contains(refreshed);
  }

  @Test
  void updateTokens_afterDelete_orOfAReplacedConnection_conflicts() {
    Connection first = aConnection("ana", Provider.STRAVA, "athlete-1").build();
    store.save(first, EU);
    store.delete(ANA, Provider.STRAVA, EU);

    assertThatThrownBy(
            () -> store.updateTokens(first.withTokens(tokenBytes(), null, null, NOW), EU))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store.find(ANA, Provider.STRAVA, EU)).isEmpty();

    Connection again =
        aConnection("ana", Provider.STRAVA, "athlete-1").connectedAt(NOW.plusSeconds(60)).build();
    store.save(again, EU);
    assertThatThrownBy(
            () -> store.updateTokens(first.withTokens(tokenBytes(), null, null, NOW), EU))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store.find(ANA, Provider.STRAVA, EU)).contains(again);
  }

  @Test
  void delete_removesTheConnectionAndItsClaim_andReturnsWhatWasRemoved() {
    Connection first = aConnection("ana", Provider.STRAVA, "athlete-1").build();
    store.save(first, EU);

    assertThat(store.delete(ANA, Provider.STRAVA, EU)).contains(first);

    assertThat(store.find(ANA, Provider.STRAVA, EU)).isEmpty();
    assertThat(store.findByProviderUser(Provider.STRAVA, "athlete-1", EU)).isEmpty();
    assertThat(rawOrEmpty("CONNECTION#strava#athlete-1", "CLAIM")).isEmpty();
    assertThat(store.delete(ANA, Provider.STRAVA, EU)).isEmpty();
    Connection bob = aConnection("bob", Provider.STRAVA, "athlete-1").build();
    store.save(bob, EU);
    assertThat(store.findByProviderUser(Provider.STRAVA, "athlete-1", EU)).contains(bob);
  }

  @Test
  void concurrentSaves_ofOneAccountByTwoUsers_exactlyOneWins() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        String account = "athlete-" + UUID.randomUUID();
        List<Connection> contenders =
            List.of(
                aConnection("ana", Provider.WAHOO, account).build(),
                aConnection("bob", Provider.WAHOO, account).build());
        store.delete(ANA, Provider.WAHOO, EU);
        store.delete(BOB, Provider.WAHOO, EU);

        List<Boolean> won = race(pool, contenders);

        assertThat(won).containsOnlyOnce(true);
        Connection winner = contenders.get(won.indexOf(true));
        Connection loser = contenders.get(won.indexOf(false));
        assertThat(store.findByProviderUser(Provider.WAHOO, account, EU)).contains(winner);
        assertThat(store.find(loser.userId(), Provider.WAHOO, EU)).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aClaimACrashLeftBehind_staysWithinItsLease_andIsTakenOverAfter() {
    store.save(aConnection("ana", Provider.STRAVA, "athlete-1").build(), EU);
    // A crash between the claim and the connection: the claim is there, the connection is not.
    client.deleteItem(
        r ->
            r.tableName(table)
                .key(
                    Map.of(
                        "userId", AttributeValue.fromS("ana"),
                        "sk", AttributeValue.fromS("CONNECTION#strava"))));
    assertThat(store.findByProviderUser(Provider.STRAVA, "athlete-1", EU)).isEmpty();
    Connection carol = aConnection("carol", Provider.STRAVA, "athlete-1").build();

    assertThatThrownBy(() -> store.save(carol, EU))
        .isInstanceOf(ProviderAccountTakenException.class);
    clock.advance(DynamoConnectionStore.CLAIM_LEASE.plus(Duration.ofSeconds(1)));
    store.save(carol, EU);

    assertThat(store.findByProviderUser(Provider.STRAVA, "athlete-1", EU)).contains(carol);
    assertThat(store.find(CAROL, Provider.STRAVA, EU)).contains(carol);
  }

  @Test
  void findByProviderUser_ofAMalformedAccountId_isEmpty() {
    assertThat(store.findByProviderUser(Provider.STRAVA, "", EU)).isEmpty();
    assertThat(store.findByProviderUser(Provider.STRAVA, null, EU)).isEmpty();
    assertThat(store.findByProviderUser(Provider.STRAVA, "x".repeat(129), EU)).isEmpty();
  }

  @Test
  void everyMethod_refusesAForeignHomeRegion() {
    Connection ana = aConnection("ana", Provider.STRAVA, "athlete-1").build();
    RegionId apac = RegionId.of("apac");

    assertThatThrownBy(() -> store.save(ana, apac))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().type()).isEqualTo(ProblemType.WRONG_REGION.uri()));
    assertThatThrownBy(() -> store.find(ANA, Provider.STRAVA, apac))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> store.list(ANA, apac)).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> store.findByProviderUser(Provider.STRAVA, "athlete-1", apac))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(
            () -> store.updateTokens(ana.withTokens(tokenBytes(), null, null, NOW), apac))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> store.delete(ANA, Provider.STRAVA, apac))
        .isInstanceOf(ProblemException.class);
    assertThat(store.find(ANA, Provider.STRAVA, EU)).isEmpty();
    assertThat(rawOrEmpty("CONNECTION#strava#athlete-1", "CLAIM")).isEmpty();
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
              store.save(contender, EU);
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

  private Map<String, AttributeValue> raw(String partition, String sortKey) {
    return rawOrEmpty(partition, sortKey).orElseThrow();
  }

  private Optional<Map<String, AttributeValue>> rawOrEmpty(String partition, String sortKey) {
    var response =
        client.getItem(
            r ->
                r.tableName(table)
                    .consistentRead(true)
                    .key(
                        Map.of(
                            "userId", AttributeValue.fromS(partition),
                            "sk", AttributeValue.fromS(sortKey))));
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(response.item())
        : Optional.empty();
  }
}
