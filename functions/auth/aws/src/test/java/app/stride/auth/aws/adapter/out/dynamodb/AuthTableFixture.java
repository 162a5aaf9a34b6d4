package app.stride.auth.aws.adapter.out.dynamodb;

import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.aws.dynamodb.LocalTables;
import app.stride.core.region.RegionId;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.UniqueNames;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A fresh auth table on the class's dynalite, and raw access to its items for assertions. */
final class AuthTableFixture {
  static final RegionId EU = RegionId.of("eu");

  final DynamoDbClient client;
  final DynamoDbEnhancedClient enhanced;
  final AuthTableConfig config;

  private AuthTableFixture(DynaliteExtension dynamo) {
    client =
        DynamoDbClients.client(
            new DynamoDbSettings(
                Region.of(DynaliteExtension.REGION), Optional.of(dynamo.endpoint())));
    enhanced = DynamoDbClients.enhanced(client);
    config = new AuthTableConfig(EU, UniqueNames.uniqueName("stride-auth-eu"));
    LocalTables.createIfMissing(
        enhanced.table(config.tableName(), TableSchema.fromBean(ClaimItem.class)), client);
  }

  /** A new table, named like the region's but unique. */
  static AuthTableFixture fresh(DynaliteExtension dynamo) {
    return new AuthTableFixture(dynamo);
  }

  /** The raw item at {@code pk}, empty when there is none. */
  Map<String, AttributeValue> rawItem(String pk) {
    return client
        .getItem(
            r ->
                r.tableName(config.tableName())
                    .consistentRead(true)
                    .key(Map.of(AuthKeys.PK, AttributeValue.fromS(pk))))
        .item();
  }

  /** How many items the table holds. */
  int itemCount() {
    return client.scan(r -> r.tableName(config.tableName()).consistentRead(true)).count();
  }
}
