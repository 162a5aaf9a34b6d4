package app.stride.profiles.aws.adapter.out.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** Persistence form of {@code Goals}: a nested map of a {@link ProfileItem}. */
@DynamoDbBean
public class GoalsItem {
  private String text;
  private TargetEventItem targetEvent;
  private WeeklyVolumeItem weeklyVolume;

  public GoalsItem() {}

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public TargetEventItem getTargetEvent() {
    return targetEvent;
  }

  public void setTargetEvent(TargetEventItem targetEvent) {
    this.targetEvent = targetEvent;
  }

  public WeeklyVolumeItem getWeeklyVolume() {
    return weeklyVolume;
  }

  public void setWeeklyVolume(WeeklyVolumeItem weeklyVolume) {
    this.weeklyVolume = weeklyVolume;
  }
}
