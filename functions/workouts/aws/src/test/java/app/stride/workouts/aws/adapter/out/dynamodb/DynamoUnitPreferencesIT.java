package app.stride.workouts.aws.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.aws.dynamodb.LocalTables;
import app.stride.core.region.RegionId;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.UniqueNames;
import app.stride.workouts.domain.UnitSystem;
import app.stride.workouts.domain.UserId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * {@link DynamoUnitPreferences} against dynalite, on items laid out as the profiles capability
 * writes them ({@code pk = USER#<id>}, {@code sk = PROFILE}, {@code preferences.units}).
 */
class DynamoUnitPreferencesIT {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();
  private static final RegionId EU = RegionId.of("eu");

  private DynamoDbClient client;
  private String table;
  private DynamoUnitPreferences units;

  @BeforeEach
  void profilesTable() {
    client =
        DynamoDbClients.client(
            new DynamoDbSettings(
                Region.of(DynaliteExtension.REGION), Optional.of(DYNAMO.endpoint())));
    table = UniqueNames.uniqueName("stride-profiles-eu");
    client.createTable(
        r ->
            r.tableName(table)
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(
                    a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                    a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(
                    k -> k.attributeName("pk").keyType(KeyType.HASH),
                    k -> k.attributeName("sk").keyType(KeyType.RANGE)));
    LocalTables.awaitActive(client, table);
    units = new DynamoUnitPreferences(client, table, EU);
  }

  @Test
  void isMetric_beforeTheProfilesTableExists() {
    DynamoUnitPreferences noTable =
        new DynamoUnitPreferences(client, UniqueNames.uniqueName("stride-profiles-eu"), EU);

    assertThat(noTable.unitsOf(new UserId("ana"), EU)).isEqualTo(UnitSystem.METRIC);
  }

  @Test
  void readsImperial_fromTheProfilesPreferences() {
    putProfile(
        "ana",
        Map.of(
            "preferences",
            AttributeValue.fromM(
                Map.of(
                    "units",
                    AttributeValue.fromS("IMPERIAL"),
                    "language",
                    AttributeValue.fromS("en")))));

    assertThat(units.unitsOf(new UserId("ana"), EU)).isEqualTo(UnitSystem.IMPERIAL);
  }

  @Test
  void isMetric_withoutProfile_forADeleteMarker_andForMetric() {
    putProfile("del", Map.of("deleted", AttributeValue.fromBool(true)));
    putProfile(
        "met",
        Map.of(
            "preferences", AttributeValue.fromM(Map.of("units", AttributeValue.fromS("METRIC")))));

    assertThat(units.unitsOf(new UserId("nobody"), EU)).isEqualTo(UnitSystem.METRIC);
    assertThat(units.unitsOf(new UserId("del"), EU)).isEqualTo(UnitSystem.METRIC);
    assertThat(units.unitsOf(new UserId("met"), EU)).isEqualTo(UnitSystem.METRIC);
  }

  private void putProfile(String user, Map<String, AttributeValue> attributes) {
    Map<String, AttributeValue> item = new java.util.HashMap<>(attributes);
    item.put("pk", AttributeValue.fromS("USER#" + user));
    item.put("sk", AttributeValue.fromS("PROFILE"));
    item.put("displayName", AttributeValue.fromS("Someone"));
    client.putItem(r -> r.tableName(table).item(item));
  }
}
