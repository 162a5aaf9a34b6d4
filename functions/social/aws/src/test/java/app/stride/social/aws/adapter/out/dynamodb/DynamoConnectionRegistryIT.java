package app.stride.social.aws.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.aws.dynamodb.LocalTables;
import app.stride.social.application.port.out.ConnectionRegistry;
import app.stride.social.domain.Connection;
import app.stride.social.domain.ConnectionId;
import app.stride.social.domain.UserId;
import app.stride.social.testing.ConnectionRegistryContract;
import app.stride.social.testing.SocialTestData;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.UniqueNames;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The DynamoDB connection registry on the social table, against dynalite. */
class DynamoConnectionRegistryIT extends ConnectionRegistryContract {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();

  private static DynamoDbClient client;
  private static String table;
  private static ConnectionRegistry registry;

  @BeforeAll
  static void table() {
    client =
        DynamoDbClients.client(
            new DynamoDbSettings(
                Region.of(DynaliteExtension.REGION), Optional.of(DYNAMO.endpoint())));
    DynamoDbEnhancedClient enhanced = DynamoDbClients.enhanced(client);
    table = UniqueNames.uniqueName("stride-social-eu");
    LocalTables.createIfMissing(DynamoSocialStores.table(enhanced, table), client);
    registry = new DynamoConnectionRegistry(enhanced, table);
  }

  @Override
  protected ConnectionRegistry registry() {
    return registry;
  }

  @Test
  void aConnectionItem_carriesTheTtlAttribute_inEpochSeconds_andNoToken() {
    Connection opened =
        Connection.open(
            new ConnectionId("L0SM9cOFvHcCIhw="),
            new UserId("ana"),
            SocialTestData.T0,
            SocialTestData.T0.plus(Duration.ofMinutes(10)));
    registry.open(opened);

    Map<String, AttributeValue> item =
        client
            .getItem(
                r ->
                    r.tableName(table)
                        .key(
                            Map.of(
                                "pk", AttributeValue.fromS("ws#L0SM9cOFvHcCIhw="),
                                "sk", AttributeValue.fromS("connection"))))
            .item();

    assertThat(item.get("expiresAt").n())
        .isEqualTo(Long.toString(opened.expiresAt().getEpochSecond()));
    assertThat(item.keySet())
        .containsExactlyInAnyOrder(
            "pk",
            "sk",
            "version",
            "userId",
            "groups",
            "connectedAt",
            "expiresAt",
            "windowStart",
            "framesInWindow");
  }
}
