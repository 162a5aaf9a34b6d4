package app.stride.devices.aws.adapter.out.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/**
 * A lap of an {@link ActivityItem}: {@code start} (ISO-8601), {@code elapsedMillis}, {@code
 * distanceMeters}.
 */
@DynamoDbBean
public class LapItem {
  private String start;
  private Long elapsedMillis;
  private Double distanceMeters;

  public LapItem() {}

  public String getStart() {
    return start;
  }

  public void setStart(String start) {
    this.start = start;
  }

  public Long getElapsedMillis() {
    return elapsedMillis;
  }

  public void setElapsedMillis(Long elapsedMillis) {
    this.elapsedMillis = elapsedMillis;
  }

  public Double getDistanceMeters() {
    return distanceMeters;
  }

  public void setDistanceMeters(Double distanceMeters) {
    this.distanceMeters = distanceMeters;
  }
}
