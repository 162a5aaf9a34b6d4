package app.stride.planner.aws.adapter.out.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** A pause of a plan: ISO dates {@code from} and {@code until} (absent while paused). */
@DynamoDbBean
public class PauseItem {
  private String from;
  private String until;

  public PauseItem() {}

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getUntil() {
    return until;
  }

  public void setUntil(String until) {
    this.until = until;
  }
}
