package app.stride.planner.aws.adapter.out.dynamodb;

import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * A user's calendar feed in the planner table: {@code pk = USER#<userId>}, {@code sk =
 * CALENDAR_FEED} (next to their plans, outside the {@code PLAN#} range their listing reads). It
 * names the one valid token hash; rotating replaces it on {@code version}.
 */
@DynamoDbBean
public class CalendarFeedItem {
  /** The sort key of the feed item. */
  public static final String SORT_KEY = "CALENDAR_FEED";

  private String pk;
  private String sk;
  private String userId;
  private String tokenHash;
  private String language;
  private Instant createdAt;
  private Long version;

  public CalendarFeedItem() {}

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

  public String getTokenHash() {
    return tokenHash;
  }

  public void setTokenHash(String tokenHash) {
    this.tokenHash = tokenHash;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(Instant createdAt) {
    this.createdAt = createdAt;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }
}
