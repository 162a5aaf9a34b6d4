package app.stride.aws.directory;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * One directory entry: the keyed hash of a login identifier ({@code pk}) and the account's home
 * region. No other attribute may be added: the global stack's tests check the table holds exactly
 * these.
 */
@DynamoDbBean
public class DirectoryItem {
  private String pk;
  private String homeRegion;

  @DynamoDbPartitionKey
  public String getPk() {
    return pk;
  }

  public void setPk(String pk) {
    this.pk = pk;
  }

  public String getHomeRegion() {
    return homeRegion;
  }

  public void setHomeRegion(String homeRegion) {
    this.homeRegion = homeRegion;
  }
}
