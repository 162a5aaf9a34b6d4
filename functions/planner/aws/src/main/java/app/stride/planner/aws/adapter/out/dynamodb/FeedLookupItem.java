package app.stride.planner.aws.adapter.out.dynamodb;

import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * The lookup of a calendar feed token in the planner table: {@code pk = FEED#<tokenHash>}, {@code
 * sk = FEED}, naming the user it was issued to. Written once (put if absent), deleted when rotated
 * or revoked; valid only while the user's {@link CalendarFeedItem} names the same hash.
 */
@DynamoDbBean
public class FeedLookupItem {
  /** The sort key of lookup items. */
  public static final String SORT_KEY = "FEED";

  private String pk;
  private String sk;
  private String userId;
  private Instant createdAt;

  public FeedLookupItem() {}

  /** The partition key value of a token hash. */
  public static String partitionOf(String tokenHash) {
    return "FEED#" + tokenHash;
  }

  @DynamoDbPartitionKey
  public String getPk() {
    return pk;
  }

  public void setPk(String pk) {
    this.pk = pk;
  }

  @DynamoDbSortKey
  public String getSk() {
    return sk;
  }

  public void setSk(String sk) {
    this.sk = sk;
  }

  public String getUserId() {
    return userId;
  }

  public void setUserId(String userId) {
    this.userId = userId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(Instant createdAt) {
    this.createdAt = createdAt;
  }
}
