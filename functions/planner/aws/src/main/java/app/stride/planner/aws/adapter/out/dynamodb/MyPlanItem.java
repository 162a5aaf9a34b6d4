package app.stride.planner.aws.adapter.out.dynamodb;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * A user's plan in the region's planner table ({@code stride-planner-<region>}).
 *
 * <p>Key design: {@code pk = USER#<userId>}, {@code sk = PLAN#<myPlanId>}: a user's plans are one
 * partition (listed by one query, oldest first since plan ids are time-ordered), and every change
 * of a plan, its pauses and session logs included, is one single-item conditional write on {@code
 * version} (no transactions). The partition leaves room for other items per user later.
 */
@DynamoDbBean
public class MyPlanItem {
  /** The sort key prefix of plan items. */
  public static final String PLAN_SK_PREFIX = "PLAN#";

  /** The optimistic version attribute. */
  public static final String VERSION_ATTRIBUTE = "version";

  private String pk;
  private String sk;
  private String userId;
  private String myPlanId;
  private String planId;
  private Integer planVersion;
  private String startDate;
  private String targetDate;
  private Integer daysPerWeek;
  private List<String> preferredDays;
  private String timeZone;
  private String status;
  private List<PauseItem> pauses;
  private Map<String, SessionLogItem> logs;
  private Instant createdAt;
  private Instant updatedAt;
  private Long version;

  public MyPlanItem() {}

  /** The partition key value of a user. */
  public static String partitionOf(String userId) {
    return "USER#" + userId;
  }

  /** The sort key value of a plan. */
  public static String sortOf(String myPlanId) {
    return PLAN_SK_PREFIX + myPlanId;
  }

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

  public String getMyPlanId() {
    return myPlanId;
  }

  public void setMyPlanId(String myPlanId) {
    this.myPlanId = myPlanId;
  }

  public String getPlanId() {
    return planId;
  }

  public void setPlanId(String planId) {
    this.planId = planId;
  }

  public Integer getPlanVersion() {
    return planVersion;
  }

  public void setPlanVersion(Integer planVersion) {
    this.planVersion = planVersion;
  }

  public String getStartDate() {
    return startDate;
  }

  public void setStartDate(String startDate) {
    this.startDate = startDate;
  }

  public String getTargetDate() {
    return targetDate;
  }

  public void setTargetDate(String targetDate) {
    this.targetDate = targetDate;
  }

  public Integer getDaysPerWeek() {
    return daysPerWeek;
  }

  public void setDaysPerWeek(Integer daysPerWeek) {
    this.daysPerWeek = daysPerWeek;
  }

  public List<String> getPreferredDays() {
    return preferredDays;
  }

  public void setPreferredDays(List<String> preferredDays) {
    this.preferredDays = preferredDays;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public List<PauseItem> getPauses() {
    return pauses;
  }

  public void setPauses(List<PauseItem> pauses) {
    this.pauses = pauses;
  }

  public Map<String, SessionLogItem> getLogs() {
    return logs;
  }

  public void setLogs(Map<String, SessionLogItem> logs) {
    this.logs = logs;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(Instant createdAt) {
    this.createdAt = createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(Instant updatedAt) {
    this.updatedAt = updatedAt;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }
}
