package app.stride.aws.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** A test bean: a user's note, versioned, with a by-tag index. */
@DynamoDbBean
public class NoteItem {
  static final String BY_TAG = "byTag";

  private String pk;
  private String sk;
  private Long version;
  private String text;
  private String tag;

  public NoteItem() {}

  static NoteItem of(String user, String id, String text) {
    NoteItem item = new NoteItem();
    item.setPk("USER#" + user);
    item.setSk("NOTE#" + id);
    item.setText(text);
    return item;
  }

  @DynamoDbPartitionKey
  public String getPk() {
    return pk;
  }

  public void setPk(String pk) {
    this.pk = pk;
  }

  @DynamoDbSortKey
  @DynamoDbSecondarySortKey(indexNames = BY_TAG)
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

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  @DynamoDbSecondaryPartitionKey(indexNames = BY_TAG)
  public String getTag() {
    return tag;
  }

  public void setTag(String tag) {
    this.tag = tag;
  }
}
