package app.stride.aws.dynamodb.outbox;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/**
 * One event waiting in an item's outbox ({@link OutboxItem}): the structured-mode CloudEvent JSON
 * and what is needed to send it without parsing it.
 */
@DynamoDbBean
public class PendingEventItem {
  private String type;
  private String subject;
  private Long createdAtMillis;
  private String json;

  public PendingEventItem() {}

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public Long getCreatedAtMillis() {
    return createdAtMillis;
  }

  public void setCreatedAtMillis(Long createdAtMillis) {
    this.createdAtMillis = createdAtMillis;
  }

  public String getJson() {
    return json;
  }

  public void setJson(String json) {
    this.json = json;
  }
}
