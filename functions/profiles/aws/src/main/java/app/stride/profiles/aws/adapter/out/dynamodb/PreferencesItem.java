package app.stride.profiles.aws.adapter.out.dynamodb;

import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/**
 * Persistence form of {@code Preferences}: a nested map of a {@link ProfileItem}; enums by name.
 */
@DynamoDbBean
public class PreferencesItem {
  private String units;
  private String language;
  private List<String> sports;
  private String activityPrivacy;

  public PreferencesItem() {}

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
