package app.stride.bench.coldstart.plain;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** The weekly volume of a profile item's goals. */
@DynamoDbBean
public class WeeklyVolumeRow {
  private Double distanceM;
  private Integer durationMin;

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
