package app.stride.profiles;

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
import java.util.UUID;

/**
 * Test data builders for profiles and their events, shared by the cloud modules' store tests
 * through this module's test jar (STYLE.md §8): {@code aProfile().of("ana").atVersion(2).build()}.
 */
public final class ProfileTestData {
  private String userId = "u-" + UUID.randomUUID();
  private String displayName = "Ana Runner";
  private String about = "Morning runs, weekend rides.";
  private Integer birthYear = 1990;
  private Sex sex = Sex.FEMALE;
  private Double heightCm = 168.5;
  private Double weightKg = 61.2;
  private Goals goals =
      new Goals(
          "Sub-4 marathon",
          new TargetEvent("Berlin Marathon", LocalDate.parse("2027-09-26"), 42195.0),
          new WeeklyVolume(50000.0, 300));
  private Preferences preferences =
      new Preferences(
          Units.METRIC, "pt-BR", List.of(Sport.RUNNING, Sport.YOGA), ActivityPrivacy.FOLLOWERS);
  private long version = 1;
  private Instant updatedAt = Instant.parse("2026-11-26T10:00:00.123456Z");

  private ProfileTestData() {}

  /** A full profile of a fresh user. */
  public static ProfileTestData aProfile() {
    return new ProfileTestData();
  }

  /** A profile with only the required fields set. */
  public static ProfileTestData aMinimalProfile() {
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

  public ProfileTestData withDisplayName(String displayName) {
    this.displayName = displayName;
    return this;
  }

  public ProfileTestData withGoals(Goals goals) {
    this.goals = goals;
    return this;
  }

  public ProfileTestData withPreferences(Preferences preferences) {
    this.preferences = preferences;
    return this;
  }

  public ProfileTestData atVersion(long version) {
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

  /** An event about {@code subject} with a fresh id. */
  public static OutboundEvent anEvent(String subject) {
    return anEvent(UUID.randomUUID().toString(), subject);
  }

  /** An event with the given id about {@code subject}, shaped as the use cases send it. */
  public static OutboundEvent anEvent(String id, String subject) {
    String json =
        "{\"specversion\":\"1.0\",\"id\":\""
            + id
            + "\",\"type\":\"app.stride.profile.v1.updated\",\"subject\":\""
            + subject
            + "\"}";
    return new OutboundEvent(
        id, "app.stride.profile.v1.updated", subject, json.getBytes(StandardCharsets.UTF_8));
  }
}
