package app.stride.social.aws.adapter.out.dynamodb;

import static app.stride.social.testing.SocialTestData.aGroupId;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.aws.dynamodb.LocalTables;
import app.stride.social.application.port.out.SocialStores;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.GroupRole;
import app.stride.social.domain.Membership;
import app.stride.social.domain.PublicCard;
import app.stride.social.domain.UserId;
import app.stride.social.testing.SocialStoreContract;
import app.stride.social.testing.SocialTestData;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.UniqueNames;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The DynamoDB social stores against dynalite: the shared store contract, and the item layout. */
class DynamoSocialStoresIT extends SocialStoreContract {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();

  private static DynamoDbClient client;
  private static String table;
  private static SocialStores stores;

  @BeforeAll
  static void table() {
    client =
        DynamoDbClients.client(
            new DynamoDbSettings(
                Region.of(DynaliteExtension.REGION), Optional.of(DYNAMO.endpoint())));
    DynamoDbEnhancedClient enhanced = DynamoDbClients.enhanced(client);
    table = UniqueNames.uniqueName("stride-social-eu");
    LocalTables.createIfMissing(DynamoSocialStores.table(enhanced, table), client);
    stores = DynamoSocialStores.on(enhanced, table);
  }

  @Override
  protected SocialStores stores() {
    return stores;
  }

  @Test
  void aMembersItem_holdsTheirPublicCard_andNothingElsePersonal() {
    GroupId group = aGroupId("eu");
    stores
        .memberships()
        .create(
            Membership.join(
                group,
                new UserId("bo"),
                GroupRole.MEMBER,
                new PublicCard("Bo Chen", Optional.of("avatars/bo.webp")),
                SocialTestData.T0));

    Map<String, AttributeValue> item =
        client
            .getItem(
                r ->
                    r.tableName(table)
                        .key(
                            Map.of(
                                "pk", AttributeValue.fromS("g#" + group.value()),
                                "sk", AttributeValue.fromS("m#bo"))))
            .item();

    assertThat(item.keySet())
        .containsExactlyInAnyOrder(
            "pk",
            "sk",
            "version",
            "groupId",
            "userId",
            "userPk",
            "userSk",
            "role",
            "displayName",
            "avatarRef",
            "joinedAt");
    assertThat(item.get("displayName").s()).isEqualTo("Bo Chen");
  }
}
