package app.stride.social.aws.adapter.out.dynamodb;

import app.stride.social.application.port.out.SocialStores;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;

/** The social stores of one region on one DynamoDB table. */
public final class DynamoSocialStores {
  private DynamoSocialStores() {}

  /** The four stores over {@code tableName}. */
  public static SocialStores on(DynamoDbEnhancedClient client, String tableName) {
    DynamoSocialTable table = new DynamoSocialTable(client, tableName);
    return new SocialStores(
        new DynamoGroupStore(table),
        new DynamoMembershipStore(table),
        new DynamoInviteStore(table),
        new DynamoMessageStore(table));
  }

  /** The table, for local creation (its schema declares both indexes). */
  public static DynamoDbTable<SocialItem> table(DynamoDbEnhancedClient client, String tableName) {
    return new DynamoSocialTable(client, tableName).table();
  }
}
