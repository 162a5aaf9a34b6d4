package app.stride.profiles.aws.adapter.out.dynamodb;

import java.time.LocalDate;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** Persistence form of {@code TargetEvent}: a nested map of a {@link ProfileItem}. */
@DynamoDbBean
public class TargetEventItem {
  private String name;
  private LocalDate date;
  private Double distanceM;

  public TargetEventItem() {}

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public LocalDate getDate() {
    return date;
  }

  public void setDate(LocalDate date) {
    this.date = date;
  }

  public Double getDistanceM() {
    return distanceM;
  }

  public void setDistanceM(Double distanceM) {
    this.distanceM = distanceM;
  }
}
