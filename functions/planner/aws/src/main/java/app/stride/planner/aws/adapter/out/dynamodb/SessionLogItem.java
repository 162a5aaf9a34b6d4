package app.stride.planner.aws.adapter.out.dynamodb;

import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** What the user logged for one session (keyed by session id in {@link MyPlanItem#getLogs()}). */
@DynamoDbBean
public class SessionLogItem {
  private String status;
  private String date;
  private String workoutId;
  private Instant at;

  public SessionLogItem() {}

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getDate() {
    return date;
  }

  public void setDate(String date) {
    this.date = date;
  }

  public String getWorkoutId() {
    return workoutId;
  }

  public void setWorkoutId(String workoutId) {
    this.workoutId = workoutId;
  }

  public Instant getAt() {
    return at;
  }

  public void setAt(Instant at) {
    this.at = at;
  }
}
