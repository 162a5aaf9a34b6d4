package app.stride.profiles.aws.adapter.out.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** Persistence form of {@code WeeklyVolume}: a nested map of a {@link ProfileItem}. */
@DynamoDbBean
public class WeeklyVolumeItem {
  private Double distanceM;
  private Integer durationMin;

  public WeeklyVolumeItem() {}

  public Double getDistanceM() {
    return distanceM;
  }

  public void setDistanceM(Double distanceM) {
    this.distanceM = distanceM;
  }

  public Integer getDurationMin() {
    return durationMin;
  }

  public void setDurationMin(Integer durationMin) {
    this.durationMin = durationMin;
  }
}
