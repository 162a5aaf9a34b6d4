package app.stride.devices.aws.adapter.out.dynamodb;

import static app.stride.devices.aws.adapter.out.dynamodb.ActivityTestData.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.aws.dynamodb.LocalTables;
import app.stride.core.region.RegionId;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.UniqueNames;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * {@link DynamoSharedCallCounter} against a real dynalite: its item, its limit under contention.
 */
class DynamoSharedCallCounterIT {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();

  private static final Instant EXPIRES = Instant.parse("2026-11-27T23:15:00Z");

  private String table;
  private DynamoDbClient client;
  private DynamoSharedCallCounter counter;

  @BeforeEach
  void freshTable() {
    client = newClient();
    table = UniqueNames.uniqueName("stride-devices-eu");
    DynamoActivityStore activities =
        new DynamoActivityStore(
            DynamoDbClients.enhanced(client),
            table,
            RegionId.of("eu"),
            Clock.fixed(NOW, ZoneOffset.UTC));
    LocalTables.createIfMissing(activities.table(), client);
    counter = new DynamoSharedCallCounter(client, table);
  }

  @Test
  void countsUpToTheLimit_thenRefuses_andTheItemHoldsTheCountAndItsExpiry() {
    for (int i = 0; i < 3; i++) {
      assertThat(counter.tryCount("strava:quarter:2026-11-27T21:15:00Z", 3, EXPIRES)).isTrue();
    }

    assertThat(counter.tryCount("strava:quarter:2026-11-27T21:15:00Z", 3, EXPIRES)).isFalse();
    Map<String, AttributeValue> item = item("CALLS#strava:quarter:2026-11-27T21:15:00Z");
    assertThat(item).containsOnlyKeys("userId", "sk", "used", "expiresAt");
    assertThat(item.get("used").n()).isEqualTo("3");
    assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(EXPIRES.getEpochSecond()));
  }

  @Test
  void windows_countApart() {
    assertThat(counter.tryCount("strava:quarter:2026-11-27T21:15:00Z", 1, EXPIRES)).isTrue();

    assertThat(counter.tryCount("strava:quarter:2026-11-27T21:30:00Z", 1, EXPIRES)).isTrue();
    assertThat(counter.tryCount("strava:day:2026-11-27", 1, EXPIRES)).isTrue();
    assertThat(counter.tryCount("strava:quarter:2026-11-27T21:15:00Z", 1, EXPIRES)).isFalse();
  }

  @Test
  void manyInstancesAtOnce_countExactlyTheLimit() throws Exception {
    DynamoSharedCallCounter other = new DynamoSharedCallCounter(newClient(), table);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> counted = new ArrayList<>();
    for (int thread = 0; thread < 16; thread++) {
      DynamoSharedCallCounter instance = thread % 2 == 0 ? counter : other;
      counted.add(
          pool.submit(
              () -> {
                start.await();
                int mine = 0;
                for (int i = 0; i < 20; i++) {
                  if (instance.tryCount("strava:day:2026-11-27", 50, EXPIRES)) {
                    mine++;
                  }
                }
                return mine;
              }));
    }
    start.countDown();
    int total = 0;
    for (Future<Integer> future : counted) {
      total += future.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(total).as("320 attempts against a limit of 50").isEqualTo(50);
    assertThat(item("CALLS#strava:day:2026-11-27").get("used").n()).isEqualTo("50");
  }

  @Test
  void aBadWindowOrLimit_isRefused_beforeAnyWrite() {
    assertThatThrownBy(() -> counter.tryCount("strava day", 5, EXPIRES))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> counter.tryCount("x".repeat(65), 5, EXPIRES))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> counter.tryCount("strava:day:2026-11-27", 0, EXPIRES))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(client.scan(r -> r.tableName(table)).items()).isEmpty();
  }

  private DynamoDbClient newClient() {
    return DynamoDbClients.client(
        new DynamoDbSettings(Region.of(DynaliteExtension.REGION), Optional.of(DYNAMO.endpoint())));
  }

  private Map<String, AttributeValue> item(String partition) {
    return client
        .getItem(
            r ->
                r.tableName(table)
                    .consistentRead(true)
                    .key(
                        Map.of(
                            "userId", AttributeValue.fromS(partition),
                            "sk", AttributeValue.fromS("COUNT"))))
        .item();
  }
}
