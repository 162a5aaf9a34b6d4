package app.stride.bench.coldstart.plain;

import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * The profile item as the profiles function stores it ({@code pk = USER#<id>}, {@code sk =
 * PROFILE}), read with the same bean-schema technique; the outbox attributes are left unread.
 */
@DynamoDbBean
public class ProfileRow {
  private String pk;
  private String sk;
  private String userId;
  private String displayName;
  private String about;
  private Integer birthYear;
  private String sex;
  private Double heightCm;
  private Double weightKg;
  private GoalsRow goals;
  private PreferencesRow preferences;
  private Long version;
  private Instant updatedAt;
  private Boolean deleted;

  /** The sort key of the profile item. */
  static final String PROFILE_SK = "PROFILE";

  /** The partition key value of a user. */
  static String partitionOf(String userId) {
    return "USER#" + userId;
  }

  /** Whether this is a live profile rather than a delete marker. */
  boolean live() {
    return !Boolean.TRUE.equals(deleted) && displayName != null;
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

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getAbout() {
    return about;
  }

  public void setAbout(String about) {
    this.about = about;
  }

  public Integer getBirthYear() {
    return birthYear;
  }

  public void setBirthYear(Integer birthYear) {
    this.birthYear = birthYear;
  }

  public String getSex() {
    return sex;
  }

  public void setSex(String sex) {
    this.sex = sex;
  }

  public Double getHeightCm() {
    return heightCm;
  }

  public void setHeightCm(Double heightCm) {
    this.heightCm = heightCm;
  }

  public Double getWeightKg() {
    return weightKg;
  }

  public void setWeightKg(Double weightKg) {
    this.weightKg = weightKg;
  }

  public GoalsRow getGoals() {
    return goals;
  }

  public void setGoals(GoalsRow goals) {
    this.goals = goals;
  }

  public PreferencesRow getPreferences() {
    return preferences;
  }

  public void setPreferences(PreferencesRow preferences) {
    this.preferences = preferences;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(Instant updatedAt) {
    this.updatedAt = updatedAt;
  }

  public Boolean getDeleted() {
    return deleted;
  }

  public void setDeleted(Boolean deleted) {
    this.deleted = deleted;
  }
}
