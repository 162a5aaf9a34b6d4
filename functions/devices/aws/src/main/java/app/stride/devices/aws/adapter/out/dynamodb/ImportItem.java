package app.stride.devices.aws.adapter.out.dynamodb;

import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * An import in the devices table: {@code sk} = {@code IMPORT#<importId>}, with {@code importId},
 * {@code provider} (wire name), {@code format}, {@code originalKey}, {@code sha256}, {@code size}
 * (bytes; absent on imports recorded before sizes were kept), {@code status} (wire name), {@code
 * activityIds} (when done), {@code failureCode} and {@code failureDetail} (when failed), {@code
 * createdAt}, {@code updatedAt}, and {@code expiresAt} (epoch seconds, the table's TTL attribute:
 * 30 days after the last change; readers treat a passed one as absent).
 */
@DynamoDbBean
public class ImportItem {
  private String userId;
  private String sk;
  private String importId;
  private String provider;
  private String format;
  private String originalKey;
  private String sha256;
  private Long size;
  private String status;
  private List<String> activityIds;
  private String failureCode;
  private String failureDetail;
  private String createdAt;
  private String updatedAt;
  private Long expiresAt;
  private Long revision;

  public ImportItem() {}

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

  public String getImportId() {
    return importId;
  }

  public void setImportId(String importId) {
    this.importId = importId;
  }

  public String getProvider() {
    return provider;
  }

  public void setProvider(String provider) {
    this.provider = provider;
  }

  public String getFormat() {
    return format;
  }

  public void setFormat(String format) {
    this.format = format;
  }

  public String getOriginalKey() {
    return originalKey;
  }

  public void setOriginalKey(String originalKey) {
    this.originalKey = originalKey;
  }

  public String getSha256() {
    return sha256;
  }

  public void setSha256(String sha256) {
    this.sha256 = sha256;
  }

  public Long getSize() {
    return size;
  }

  public void setSize(Long size) {
    this.size = size;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public List<String> getActivityIds() {
    return activityIds;
  }

  public void setActivityIds(List<String> activityIds) {
    this.activityIds = activityIds;
  }

  public String getFailureCode() {
    return failureCode;
  }

  public void setFailureCode(String failureCode) {
    this.failureCode = failureCode;
  }

  public String getFailureDetail() {
    return failureDetail;
  }

  public void setFailureDetail(String failureDetail) {
    this.failureDetail = failureDetail;
  }

  public String getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(String createdAt) {
    this.createdAt = createdAt;
  }

  public String getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(String updatedAt) {
    this.updatedAt = updatedAt;
  }

  public Long getExpiresAt() {
    return expiresAt;
  }

  public void setExpiresAt(Long expiresAt) {
    this.expiresAt = expiresAt;
  }

  @DynamoDbVersionAttribute
  public Long getRevision() {
    return revision;
  }

  public void setRevision(Long revision) {
    this.revision = revision;
  }
}
