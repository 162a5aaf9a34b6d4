package app.stride.profiles.aws.adapter.out.dynamodb;

import app.stride.profiles.domain.ActivityPrivacy;
import app.stride.profiles.domain.Goals;
import app.stride.profiles.domain.Preferences;
import app.stride.profiles.domain.Profile;
import app.stride.profiles.domain.Sex;
import app.stride.profiles.domain.Sport;
import app.stride.profiles.domain.TargetEvent;
import app.stride.profiles.domain.Units;
import app.stride.profiles.domain.UserId;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps the domain {@link Profile} to its {@link ProfileItem} and back. Only the profile's own
 * fields: the store adds keys, revision and outbox.
 */
final class ProfileItemMapper {
  private ProfileItemMapper() {}

  static ProfileItem toItem(Profile profile) {
    ProfileItem item = new ProfileItem();
    item.setPk(ProfileItem.partitionOf(profile.userId().value()));
    item.setSk(ProfileItem.PROFILE_SK);
    item.setUserId(profile.userId().value());
    item.setDisplayName(profile.displayName());
    item.setAbout(profile.about());
    item.setBirthYear(profile.birthYear());
    item.setSex(profile.sex() == null ? null : profile.sex().name());
    item.setHeightCm(profile.heightCm());
    item.setWeightKg(profile.weightKg());
    item.setGoals(toItem(profile.goals()));
    item.setPreferences(toItem(profile.preferences()));
    item.setVersion(profile.version());
    item.setUpdatedAt(profile.updatedAt());
    return item;
  }

  static Profile toDomain(ProfileItem item) {
    return new Profile(
        new UserId(item.getUserId()),
        item.getDisplayName(),
        item.getAbout(),
        item.getBirthYear(),
        item.getSex() == null ? null : Sex.valueOf(item.getSex()),
        item.getHeightCm(),
        item.getWeightKg(),
        toDomain(item.getGoals()),
        toDomain(item.getPreferences()),
        item.getVersion(),
        item.getUpdatedAt());
  }

  private static GoalsItem toItem(Goals goals) {
    if (goals == null) {
      return null;
    }
    GoalsItem item = new GoalsItem();
    item.setText(goals.text());
    if (goals.targetEvent() != null) {
      TargetEventItem event = new TargetEventItem();
      event.setName(goals.targetEvent().name());
      event.setDate(goals.targetEvent().date());
      event.setDistanceM(goals.targetEvent().distanceM());
      item.setTargetEvent(event);
    }
    if (goals.weeklyVolume() != null) {
      WeeklyVolumeItem volume = new WeeklyVolumeItem();
      volume.setDistanceM(goals.weeklyVolume().distanceM());
      volume.setDurationMin(goals.weeklyVolume().durationMin());
      item.setWeeklyVolume(volume);
    }
    return item;
  }

  private static Goals toDomain(GoalsItem item) {
    if (item == null) {
      return null;
    }
    TargetEventItem event = item.getTargetEvent();
    WeeklyVolumeItem volume = item.getWeeklyVolume();
    return new Goals(
        item.getText(),
        event == null
            ? null
            : new TargetEvent(event.getName(), event.getDate(), event.getDistanceM()),
        volume == null
            ? null
            : new app.stride.profiles.domain.WeeklyVolume(
                volume.getDistanceM(), volume.getDurationMin()));
  }

  private static PreferencesItem toItem(Preferences preferences) {
    PreferencesItem item = new PreferencesItem();
    item.setUnits(preferences.units().name());
    item.setLanguage(preferences.language());
    item.setSports(new ArrayList<>(preferences.sports().stream().map(Sport::name).toList()));
    item.setActivityPrivacy(preferences.activityPrivacy().name());
    return item;
  }

  private static Preferences toDomain(PreferencesItem item) {
    if (item == null) {
      return Preferences.DEFAULTS;
    }
    List<Sport> sports =
        item.getSports() == null
            ? List.of()
            : item.getSports().stream().map(Sport::valueOf).toList();
    return new Preferences(
        Units.valueOf(item.getUnits()),
        item.getLanguage(),
        sports,
        ActivityPrivacy.valueOf(item.getActivityPrivacy()));
  }
}
