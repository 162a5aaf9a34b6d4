package app.stride.profiles.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The part of a profile its owner edits: everything but identity, version and timestamp. A draft
 * checks the rules the API schema cannot express (they depend on the clock or on language data).
 *
 * @param displayName the name other users see
 * @param about a free-text introduction, or null
 * @param birthYear the year of birth, or null
 * @param sex the stated sex, or null
 * @param heightCm height in centimetres, or null
 * @param weightKg weight in kilograms, or null
 * @param goals what the user trains for, or null
 * @param preferences units, language, sports and privacy
 */
public record ProfileDraft(
    String displayName,
    String about,
    Integer birthYear,
    Sex sex,
    Double heightCm,
    Double weightKg,
    Goals goals,
    Preferences preferences) {

  /** The youngest age at which a person may hold an account. */
  public static final int MINIMUM_AGE = 13;

  public ProfileDraft {
    Objects.requireNonNull(displayName, "displayName");
    displayName = displayName.strip();
    preferences = preferences == null ? Preferences.DEFAULTS : preferences;
  }

  /**
   * The rule violations of this draft, each as a JSON pointer into the API body and a message;
   * empty when the draft is acceptable.
   */
  public List<Violation> violations(Clock clock) {
    List<Violation> violations = new ArrayList<>();
    if (displayName.isEmpty()) {
      violations.add(new Violation("/displayName", "must not be blank"));
    }
    if (hasControlCharacters(displayName)) {
      violations.add(new Violation("/displayName", "must not contain control characters"));
    }
    int thisYear = Year.now(clock).getValue();
    if (birthYear != null && birthYear > thisYear - MINIMUM_AGE) {
      violations.add(
          new Violation("/birthYear", "users must be at least " + MINIMUM_AGE + " years old"));
    }
    if (!isLanguageTag(preferences.language())) {
      violations.add(new Violation("/preferences/language", "is not a known BCP 47 language tag"));
    }
    if (preferences.sports().size() != preferences.sports().stream().distinct().count()) {
      violations.add(new Violation("/preferences/sports", "must not repeat a sport"));
    }
    if (goals != null && goals.targetEvent() != null) {
      LocalDate date = goals.targetEvent().date();
      if (date != null && date.isAfter(LocalDate.now(clock).plusYears(10))) {
        violations.add(
            new Violation("/goals/targetEvent/date", "must be within the next ten years"));
      }
    }
    return violations;
  }

  /** The names of the top-level fields whose values differ between this draft and {@code other}. */
  public List<String> changedFields(ProfileDraft other) {
    List<String> changed = new ArrayList<>();
    if (!Objects.equals(displayName, other.displayName)) {
      changed.add("displayName");
    }
    if (!Objects.equals(about, other.about)) {
      changed.add("about");
    }
    if (!Objects.equals(birthYear, other.birthYear)) {
      changed.add("birthYear");
    }
    if (!Objects.equals(sex, other.sex)) {
      changed.add("sex");
    }
    if (!Objects.equals(heightCm, other.heightCm)) {
      changed.add("heightCm");
    }
    if (!Objects.equals(weightKg, other.weightKg)) {
      changed.add("weightKg");
    }
    if (!Objects.equals(goals, other.goals)) {
      changed.add("goals");
    }
    if (!Objects.equals(preferences, other.preferences)) {
      changed.add("preferences");
    }
    return changed;
  }

  /** The names of every field this draft sets, for a creation event. */
  public List<String> setFields() {
    List<String> set = new ArrayList<>();
    set.add("displayName");
    addIfSet(set, "about", about);
    addIfSet(set, "birthYear", birthYear);
    addIfSet(set, "sex", sex);
    addIfSet(set, "heightCm", heightCm);
    addIfSet(set, "weightKg", weightKg);
    addIfSet(set, "goals", goals);
    set.add("preferences");
    return set;
  }

  private static void addIfSet(List<String> names, String name, Object value) {
    if (value != null) {
      names.add(name);
    }
  }

  private static boolean hasControlCharacters(String text) {
    return text.codePoints().anyMatch(Character::isISOControl);
  }

  private static boolean isLanguageTag(String tag) {
    try {
      Locale locale = new Locale.Builder().setLanguageTag(tag).build();
      return !locale.getLanguage().isEmpty();
    } catch (IllformedLocaleException e) {
      return false;
    }
  }

  /**
   * One broken rule.
   *
   * @param pointer JSON pointer into the API body
   * @param message what is wrong
   */
  public record Violation(String pointer, String message) {}
}
