package app.stride.profiles.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's profile as stored in their home region. Optional fields are null when unset. Heights and
 * weights are SI (centimetres, kilograms) whatever units the user reads in.
 *
 * @param userId whose profile this is
 * @param displayName the name other users see
 * @param about a free-text introduction
 * @param birthYear the year of birth
 * @param sex the stated sex
 * @param heightCm height in centimetres
 * @param weightKg weight in kilograms
 * @param goals what the user trains for
 * @param preferences units, language, sports and privacy
 * @param version the optimistic version, 1 on creation, +1 on every change
 * @param updatedAt when the profile last changed
 */
public record Profile(
    UserId userId,
    String displayName,
    String about,
    Integer birthYear,
    Sex sex,
    Double heightCm,
    Double weightKg,
    Goals goals,
    Preferences preferences,
    long version,
    Instant updatedAt) {

  public Profile {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(preferences, "preferences");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (version < 1) {
      throw new IllegalArgumentException("version starts at 1");
    }
  }

  /** A new profile, version 1, from its owner's draft. */
  public static Profile create(UserId userId, ProfileDraft draft, Instant now) {
    return of(userId, draft, 1, now);
  }

  /** The next version of this profile with the draft's content. */
  public Profile revise(ProfileDraft draft, Instant now) {
    return of(userId, draft, version + 1, now);
  }

  /** The editable part of this profile. */
  public ProfileDraft draft() {
    return new ProfileDraft(
        displayName, about, birthYear, sex, heightCm, weightKg, goals, preferences);
  }

  private static Profile of(UserId userId, ProfileDraft d, long version, Instant now) {
    return new Profile(
        userId,
        d.displayName(),
        d.about(),
        d.birthYear(),
        d.sex(),
        d.heightCm(),
        d.weightKg(),
        d.goals(),
        d.preferences(),
        version,
        now);
  }

  /** The strong entity tag of this version, as sent in {@code ETag}. */
  public String etag() {
    return "\"" + version + "\"";
  }
}
