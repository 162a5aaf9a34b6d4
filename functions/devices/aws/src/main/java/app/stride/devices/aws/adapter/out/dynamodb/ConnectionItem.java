package app.stride.devices.aws.adapter.out.dynamodb;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * A user's connection to a provider in the devices table: {@code sk} = {@code
 * CONNECTION#<provider>}, with {@code provider} (wire name), {@code providerUserId}, {@code
 * accessToken} and {@code refreshToken} (binary, encrypted; no refresh token when the provider
 * issued none), {@code tokenExpiresAt}, {@code scope}, {@code connectedAt}, {@code updatedAt}
 * (ISO-8601 instants) and {@code version} (the domain version, the condition of token updates).
 *
 * <p>It carries no {@code expiresAt}: that is the table's TTL attribute, and a connection lives
 * until the user disconnects.
 */
@DynamoDbBean
public class ConnectionItem {
  private String userId;
  private String sk;
  private String provider;
  private String providerUserId;
  private SdkBytes accessToken;
  private SdkBytes refreshToken;
  private String tokenExpiresAt;
  private String scope;
  private String connectedAt;
  private String updatedAt;
  private Long version;

  public ConnectionItem() {}

  @DynamoDbPartitionKey
  public String getUserId() {
    return userId;
  }

  public void setUserId(String userId) {
    this.userId = userId;
  }

  @DynamoDbSortKey
  public String getSk() {
    return sk;
  }

  public void setSk(String sk) {
    this.sk = sk;
  }

  public String getProvider() {
    return provider;
  }

  public void setProvider(String provider) {
    this.provider = provider;
  }

  public String getProviderUserId() {
    return providerUserId;
  }

  public void setProviderUserId(String providerUserId) {
    this.providerUserId = providerUserId;
  }

  public SdkBytes getAccessToken() {
    return accessToken;
  }

  public void setAccessToken(SdkBytes accessToken) {
    this.accessToken = accessToken;
  }

  public SdkBytes getRefreshToken() {
    return refreshToken;
  }

  public void setRefreshToken(SdkBytes refreshToken) {
    this.refreshToken = refreshToken;
  }

  public String getTokenExpiresAt() {
    return tokenExpiresAt;
  }

  public void setTokenExpiresAt(String tokenExpiresAt) {
    this.tokenExpiresAt = tokenExpiresAt;
  }

  public String getScope() {
    return scope;
  }

  public void setScope(String scope) {
    this.scope = scope;
  }

  public String getConnectedAt() {
    return connectedAt;
  }

  public void setConnectedAt(String connectedAt) {
    this.connectedAt = connectedAt;
  }

  public String getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(String updatedAt) {
    this.updatedAt = updatedAt;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  /** No token bytes, even encrypted ones. */
  @Override
  public String toString() {
    return "ConnectionItem[" + userId + ", " + sk + ", v" + version + "]";
  }
}
