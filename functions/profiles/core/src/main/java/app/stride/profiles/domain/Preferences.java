package app.stride.profiles.domain;

import java.util.List;
import java.util.Objects;

/**
 * How the user wants the app to behave.
 *
 * @param units display units
 * @param language a BCP 47 language tag such as {@code en} or {@code pt-BR}
 * @param sports the sports practised, without duplicates
 * @param activityPrivacy who sees the user's activities
 */
public record Preferences(
    Units units, String language, List<Sport> sports, ActivityPrivacy activityPrivacy) {

  /** Metric, English, no sports, private activities. */
  public static final Preferences DEFAULTS =
      new Preferences(Units.METRIC, "en", List.of(), ActivityPrivacy.PRIVATE);

  public Preferences {
    Objects.requireNonNull(units, "units");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(activityPrivacy, "activityPrivacy");
    sports = sports == null ? List.of() : List.copyOf(sports);
  }
}
