package app.stride.bench.coldstart.plain;

import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** The preferences of a profile item (enum names as stored). */
@DynamoDbBean
public class PreferencesRow {
  private String units;
  private String language;
  private List<String> sports;
  private String activityPrivacy;

  public String getUnits() {
    return units;
  }

  public void setUnits(String units) {
    this.units = units;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }

  public List<String> getSports() {
    return sports;
  }

  public void setSports(List<String> sports) {
    this.sports = sports;
  }

  public String getActivityPrivacy() {
    return activityPrivacy;
  }

  public void setActivityPrivacy(String activityPrivacy) {
    this.activityPrivacy = activityPrivacy;
  }
}
