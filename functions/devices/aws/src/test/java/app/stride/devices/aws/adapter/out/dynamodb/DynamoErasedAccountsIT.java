package app.stride.devices.aws.adapter.out.dynamodb;

import static app.stride.devices.aws.adapter.out.dynamodb.ActivityTestData.NOW;
import static app.stride.devices.aws.adapter.out.dynamodb.ActivityTestData.aSha256;
import static app.stride.devices.aws.adapter.out.dynamodb.ActivityTestData.anActivity;
import static app.stride.devices.aws.adapter.out.dynamodb.ActivityTestData.anEvent;
import static app.stride.devices.aws.adapter.out.dynamodb.ActivityTestData.anImport;
import static app.stride.devices.aws.adapter.out.dynamodb.ConnectionTestData.aConnection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.aws.dynamodb.LocalTables;
import app.stride.core.problem.ProblemException;
import app.stride.core.region.RegionId;
import app.stride.devices.application.port.out.ErasedAccounts;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.UniqueNames;
import app.stride.testkit.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link DynamoErasedAccounts} against a real dynalite: the marker's item and expiry, and the
 * erasure of the user's items leaving it in place.
 */
class DynamoErasedAccountsIT {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();

  private static final RegionId EU = RegionId.of("eu");
  private static final UserId USR_1 = new UserId("usr_1");
  // Shares usr_1's id as a prefix: its marker must answer for no one else.
  private static final UserId USR_10 = new UserId("usr_10");

  private DynamoDbClient client;
  private MutableClock clock;
  private String table;
  private DynamoErasedAccounts erased;
  private DynamoActivityStore activities;
  private DynamoImportJobStore imports;
  private DynamoConnectionStore connections;

  @BeforeEach
  void freshTable() {
    client =
        DynamoDbClients.client(
            new DynamoDbSettings(
                Region.of(DynaliteExtension.REGION), Optional.of(DYNAMO.endpoint())));
    table = UniqueNames.uniqueName("stride-devices-eu");
    clock = new MutableClock(NOW);
    var enhanced = DynamoDbClients.enhanced(client);
    activities = new DynamoActivityStore(enhanced, table, EU, clock);
    LocalTables.createIfMissing(activities.table(), client);
    imports = new DynamoImportJobStore(enhanced, table, EU, clock);
    connections = new DynamoConnectionStore(enhanced, table, EU, clock);
    erased = new DynamoErasedAccounts(enhanced, table, EU, clock);
  }

  @Test
  void markErased_thenIsErased_andTheItemHoldsOnlyTheIdTheTimeTheTtlAndItsIndexKeys() {
    Instant expiresAt = NOW.plus(ErasedAccounts.KEPT);

    erased.markErased(USR_1, NOW, expiresAt, EU);

    assertThat(erased.isErased(USR_1, EU)).isTrue();
    Map<String, AttributeValue> raw = marker("usr_1");
    assertThat(raw)
        .containsOnlyKeys("userId", "sk", "erasedAt", "expiresAt", "outboxShard", "outboxSince");
    assertThat(raw.get("erasedAt").s()).isEqualTo(NOW.toString());
    assertThat(raw.get("outboxShard").s()).isEqualTo("erased");
    assertThat(raw.get("outboxSince").n()).isEqualTo(Long.toString(NOW.toEpochMilli()));
    assertThat(raw.get("expiresAt").n())
        .as("epoch seconds, the table's TTL attribute, 15 days on")
        .isEqualTo(Long.toString(NOW.plus(Duration.ofDays(15)).getEpochSecond()));
  }

  @Test
  void isErased_isFalse_forAnUnmarkedUser_andForAnotherUsersMarker() {
    erased.markErased(USR_1, NOW, NOW.plus(ErasedAccounts.KEPT), EU);

    assertThat(erased.isErased(USR_10, EU)).isFalse();
    assertThat(erased.isErased(new UserId("usr"), EU)).isFalse();
  }

  @Test
  void aMarkerPastItsExpiry_readsAsAbsent_beforeTheTtlRemovesIt() {
    erased.markErased(USR_1, NOW, NOW.plus(ErasedAccounts.KEPT), EU);

    clock.advance(ErasedAccounts.KEPT.plusSeconds(1));

    assertThat(erased.isErased(USR_1, EU)).isFalse();
    assertThat(marker("usr_1")).isNotEmpty();
  }

  @Test
  void markErased_again_rewritesTheMarker() {
    erased.markErased(USR_1, NOW, NOW.plus(ErasedAccounts.KEPT), EU);
    Instant later = NOW.plus(Duration.ofMinutes(5));

    erased.markErased(USR_1, later, later.plus(ErasedAccounts.KEPT), EU);

    assertThat(erased.isErased(USR_1, EU)).isTrue();
    assertThat(marker("usr_1").get("erasedAt").s()).isEqualTo(later.toString());
  }

  @Test
  void erasingTheUsersItems_leavesTheMarkerInPlace() {
    activities.create(
        anActivity().of("usr_1").from(Provider.POLAR, "p-1").build(), anEvent("usr_1"), EU);
    imports.create(anImport("usr_1", aSha256(), NOW), EU);
    connections.save(aConnection("usr_1", Provider.STRAVA, "athlete-1").build(), EU);
    erased.markErased(USR_1, NOW, NOW.plus(ErasedAccounts.KEPT), EU);

    assertThat(activities.eraseActivities(USR_1, EU)).isEqualTo(1);
    assertThat(imports.eraseImports(USR_1, EU)).isEqualTo(1);
    assertThat(connections.delete(USR_1, Provider.STRAVA, EU)).isPresent();

    assertThat(erased.isErased(USR_1, EU)).isTrue();
    assertThat(partitionSortKeys("usr_1")).containsExactly("ERASED");
  }

  @Test
  void erasedSince_listsTheMarkersFromThatTimeOn_newestFirst_upToTheLimit() {
    erased.markErased(USR_1, NOW.minus(Duration.ofMinutes(61)), NOW.plus(ErasedAccounts.KEPT), EU);
    erased.markErased(USR_10, NOW.minus(Duration.ofMinutes(60)), NOW.plus(ErasedAccounts.KEPT), EU);
    erased.markErased(
        new UserId("usr_2"), NOW.minus(Duration.ofMinutes(5)), NOW.plus(ErasedAccounts.KEPT), EU);
    erased.markErased(
        new UserId("usr_3"), NOW.minus(Duration.ofMinutes(30)), NOW.plus(ErasedAccounts.KEPT), EU);
    Instant since = NOW.minus(Duration.ofHours(1));

    assertThat(erased.erasedSince(since, 10))
        .containsExactly(new UserId("usr_2"), new UserId("usr_3"), USR_10);
    assertThat(erased.erasedSince(since, 2))
        .containsExactly(new UserId("usr_2"), new UserId("usr_3"));
    assertThatThrownBy(() -> erased.erasedSince(since, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void erasedSince_pagesThroughManyMarkers_andLeavesExpiredOnesOut() {
    for (int i = 0; i < 120; i++) {
      erased.markErased(
          new UserId("usr_p" + i), NOW.plusMillis(i), NOW.plus(ErasedAccounts.KEPT), EU);
    }
    erased.markErased(USR_1, NOW.plusSeconds(1), NOW.plusSeconds(2), EU);
    clock.advance(Duration.ofSeconds(3));

    List<UserId> listed = erased.erasedSince(NOW, 1_000);

    assertThat(listed).hasSize(120).doesNotContain(USR_1);
    assertThat(listed.get(0)).isEqualTo(new UserId("usr_p119"));
    assertThat(listed.get(119)).isEqualTo(new UserId("usr_p0"));
  }

  @Test
  void theMarkers_stayOutOfTheActivityOutbox() {
    erased.markErased(USR_1, NOW, NOW.plus(ErasedAccounts.KEPT), EU);

    assertThat(activities.pending(100, EU)).isEmpty();
  }

  @Test
  void aMarkOrAReadForAnotherRegion_isRefused() {
    RegionId us = RegionId.of("us");

    assertThatThrownBy(() -> erased.markErased(USR_1, NOW, NOW.plus(ErasedAccounts.KEPT), us))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> erased.isErased(USR_1, us)).isInstanceOf(ProblemException.class);
  }

  private Map<String, AttributeValue> marker(String user) {
    return client
        .getItem(
            r ->
                r.tableName(table)
                    .consistentRead(true)
                    .key(
                        Map.of(
                            "userId", AttributeValue.fromS(user),
                            "sk", AttributeValue.fromS("ERASED"))))
        .item();
  }

  private List<String> partitionSortKeys(String user) {
    return client
        .queryPaginator(
            r ->
                r.tableName(table)
                    .keyConditionExpression("userId = :user")
                    .expressionAttributeValues(Map.of(":user", AttributeValue.fromS(user)))
                    .consistentRead(true))
        .items()
        .stream()
        .map(item -> item.get("sk").s())
        .toList();
  }
}
