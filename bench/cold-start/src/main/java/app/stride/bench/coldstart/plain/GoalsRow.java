package app.stride.bench.coldstart.plain;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** The goals of a profile item. */
@DynamoDbBean
public class GoalsRow {
  private String text;
  private TargetEventRow targetEvent;
  private WeeklyVolumeRow weeklyVolume;

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public TargetEventRow getTargetEvent() {
    return targetEvent;
  }

  public void setTargetEvent(TargetEventRow targetEvent) {
    this.targetEvent = targetEvent;
  }

  public WeeklyVolumeRow getWeeklyVolume() {
    return weeklyVolume;
  }

  public void setWeeklyVolume(WeeklyVolumeRow weeklyVolume) {
    this.weeklyVolume = weeklyVolume;
  }
}
