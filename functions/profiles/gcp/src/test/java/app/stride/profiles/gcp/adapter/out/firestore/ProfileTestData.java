package app.stride.profiles.gcp.adapter.out.firestore;

import app.stride.core.event.OutboundEvent;
import app.stride.profiles.domain.ActivityPrivacy;
import app.stride.profiles.domain.Goals;
import app.stride.profiles.domain.Preferences;
import app.stride.profiles.domain.Profile;
import app.stride.profiles.domain.Sex;
import app.stride.profiles.domain.Sport;
import app.stride.profiles.domain.TargetEvent;
import app.stride.profiles.domain.Units;
import app.stride.profiles.domain.UserId;
import app.stride.profiles.domain.WeeklyVolume;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Test data builders for profiles and their events. */
public final class ProfileTestData {
  static final Instant T0 = Instant.parse("2026-11-26T10:00:00.123456Z");

  private String userId = "ana";
  private String displayName = "Ana Runner";
  private String about = "Trail runner";
  private Integer birthYear = 1990;
  private Sex sex = Sex.FEMALE;
  private Double heightCm = 168.0;
  private Double weightKg = 57.5;
  private Goals goals =
      new Goals(
          "Sub-4 marathon",
          new TargetEvent("Berlin Marathon", LocalDate.parse("2027-09-26"), 42195.0),
          new WeeklyVolume(50000.0, 300));
  private Preferences preferences =
      new Preferences(
          Units.METRIC, "pt-BR", List.of(Sport.RUNNING, Sport.YOGA), ActivityPrivacy.FOLLOWERS);
  private long version = 1;
  private Instant updatedAt = T0;

  private ProfileTestData() {}

  public static ProfileTestData aProfile() {
    return new ProfileTestData();
  }

  /** Only the required fields set. */
  static ProfileTestData aMinimalProfile() {
    ProfileTestData data = new ProfileTestData();
    data.about = null;
    data.birthYear = null;
    data.sex = null;
    data.heightCm = null;
    data.weightKg = null;
    data.goals = null;
    data.preferences = Preferences.DEFAULTS;
    return data;
  }

  public ProfileTestData of(String userId) {
    this.userId = userId;
    return this;
  }

  ProfileTestData withDisplayName(String displayName) {
    this.displayName = displayName;
    return this;
  }

  ProfileTestData withGoals(Goals goals) {
    this.goals = goals;
    return this;
  }

  ProfileTestData atVersion(long version) {
    this.version = version;
    return this;
  }

  public Profile build() {
    return new Profile(
        new UserId(userId),
        displayName,
        about,
        birthYear,
        sex,
        heightCm,
        weightKg,
        goals,
        preferences,
        version,
        updatedAt);
  }

  /** An event about {@code userId}, as the use cases would build it. */
  public static OutboundEvent anEvent(String id, String userId) {
    String json = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"subject\":\"" + userId + "\"}";
    return new OutboundEvent(
        id, "app.stride.profile.v1.updated", userId, json.getBytes(StandardCharsets.UTF_8));
  }
}
