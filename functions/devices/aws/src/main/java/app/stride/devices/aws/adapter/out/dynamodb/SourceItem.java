package app.stride.devices.aws.adapter.out.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/**
 * A source of an {@link ActivityItem}: {@code provider} (wire name), {@code externalId}, {@code
 * importId}, {@code device}, {@code receivedAt} (ISO-8601).
 */
@DynamoDbBean
public class SourceItem {
  private String provider;
  private String externalId;
  private String importId;
  private String device;
  private String receivedAt;

  public SourceItem() {}

  public String getProvider() {
    return provider;
  }

  public void setProvider(String provider) {
    this.provider = provider;
  }

  public String getExternalId() {
    return externalId;
  }

  public void setExternalId(String externalId) {
    this.externalId = externalId;
  }

  public String getImportId() {
    return importId;
  }

  public void setImportId(String importId) {
    this.importId = importId;
  }

  public String getDevice() {
    return device;
  }

  public void setDevice(String device) {
    this.device = device;
  }

  public String getReceivedAt() {
    return receivedAt;
  }

  public void setReceivedAt(String receivedAt) {
    this.receivedAt = receivedAt;
  }
}
