package app.stride.social.aws.adapter.out.dynamodb;

import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * An open WebSocket connection in the social table: {@code ws#<connectionId>} / {@code connection};
 * {@code groups} it follows, its rate window, {@code version} (optimistic), and {@code expiresAt}
 * (epoch seconds, the table's TTL attribute: the token's expiry or the connection's lifetime). No
 * personal data beyond the user id.
 */
@DynamoDbBean
public class ConnectionItem {
  private String pk;
  private String sk;
  private Long version;
  private String userId;
  private List<String> groups;
  private String connectedAt;
  private Long expiresAt;
  private String windowStart;
  private Integer framesInWindow;

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

  @DynamoDbVersionAttribute
  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  public String getUserId() {
    return userId;
  }

  public void setUserId(String userId) {
    this.userId = userId;
  }

  public List<String> getGroups() {
    return groups;
  }

  public void setGroups(List<String> groups) {
    this.groups = groups;
  }

  public String getConnectedAt() {
    return connectedAt;
  }

  public void setConnectedAt(String connectedAt) {
    this.connectedAt = connectedAt;
  }

  public Long getExpiresAt() {
    return expiresAt;
  }

  public void setExpiresAt(Long expiresAt) {
    this.expiresAt = expiresAt;
  }

  public String getWindowStart() {
    return windowStart;
  }

  public void setWindowStart(String windowStart) {
    this.windowStart = windowStart;
  }

  public Integer getFramesInWindow() {
    return framesInWindow;
  }

  public void setFramesInWindow(Integer framesInWindow) {
    this.framesInWindow = framesInWindow;
  }
}
