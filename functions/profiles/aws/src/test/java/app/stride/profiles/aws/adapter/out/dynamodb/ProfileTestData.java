package app.stride.profiles.aws.adapter.out.dynamodb;

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

/** Test data builders for profiles and their events. */
final class ProfileTestData {
  private String userId = "u-" + UUID.randomUUID();
  private String displayName = "Ana Runner";
  private Goals goals =
      new Goals(
          "Sub-2 half marathon",
          new TargetEvent("Berlin Half", LocalDate.of(2026, 4, 5), 21097.5),
          new WeeklyVolume(40000.0, 240));
  private Preferences preferences =
      new Preferences(
          Units.METRIC, "pt-BR", List.of(Sport.RUNNING, Sport.CYCLING), ActivityPrivacy.FOLLOWERS);
  private long version = 1;

  private ProfileTestData() {}

  static ProfileTestData aProfile() {
    return new ProfileTestData();
  }

  ProfileTestData of(String userId) {
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

  ProfileTestData withPreferences(Preferences preferences) {
    this.preferences = preferences;
    return this;
  }

  ProfileTestData atVersion(long version) {
    this.version = version;
    return this;
  }

  Profile build() {
    return new Profile(
        new UserId(userId),
        displayName,
        "Morning runs, weekend rides.",
        1990,
        Sex.FEMALE,
        168.5,
        61.2,
        goals,
        preferences,
        version,
        Instant.parse("2025-03-12T10:15:30.123Z"));
  }

  static OutboundEvent anEvent(String subject) {
    String id = UUID.randomUUID().toString();
    String json =
        "{\"specversion\":\"1.0\",\"id\":\""
            + id
            + "\",\"type\":\"app.stride.profile.v1.updated\",\"source\":\"/eu/profiles\",\"subject\":\""
            + subject
            + "\"}";
    return new OutboundEvent(
        id, "app.stride.profile.v1.updated", subject, json.getBytes(StandardCharsets.UTF_8));
  }
}
