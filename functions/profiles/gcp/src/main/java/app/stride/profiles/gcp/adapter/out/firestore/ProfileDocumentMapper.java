package app.stride.profiles.gcp.adapter.out.firestore;

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
import com.google.cloud.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the domain {@link Profile} to and from a {@link ProfileDocument}. Unset optional fields are
 * left out of the document, enums are stored by name, dates as ISO-8601 text, instants as Firestore
 * timestamps.
 */
public final class ProfileDocumentMapper {
  static final String DISPLAY_NAME = "displayName";
  static final String ABOUT = "about";
  static final String BIRTH_YEAR = "birthYear";
  static final String SEX = "sex";
  static final String HEIGHT_CM = "heightCm";
  static final String WEIGHT_KG = "weightKg";
  static final String GOALS = "goals";
  static final String PREFERENCES = "preferences";
  static final String UPDATED_AT = "updatedAt";

  private ProfileDocumentMapper() {}

  /** The live document of {@code profile} with the given pending events. */
  public static ProfileDocument toDocument(Profile profile, Map<String, OutboxEntry> outbox) {
    Map<String, Object> personal = new LinkedHashMap<>();
    personal.put(DISPLAY_NAME, profile.displayName());
    putIfSet(personal, ABOUT, profile.about());
    putIfSet(personal, BIRTH_YEAR, profile.birthYear() == null ? null : (long) profile.birthYear());
    putIfSet(personal, SEX, profile.sex() == null ? null : profile.sex().name());
    putIfSet(personal, HEIGHT_CM, profile.heightCm());
    putIfSet(personal, WEIGHT_KG, profile.weightKg());
    putIfSet(personal, GOALS, goals(profile.goals()));
    personal.put(PREFERENCES, preferences(profile.preferences()));
    personal.put(UPDATED_AT, toTimestamp(profile.updatedAt()));
    return new ProfileDocument(
        profile.userId().value(), personal, profile.version(), false, outbox);
  }

  /** The domain profile of a live document. */
  public static Profile toProfile(ProfileDocument document) {
    if (document.deleted()) {
      throw new IllegalArgumentException("a delete marker is not a profile");
    }
    Map<String, Object> f = document.personal();
    return new Profile(
        new UserId(document.userId()),
        (String) f.get(DISPLAY_NAME),
        (String) f.get(ABOUT),
        f.get(BIRTH_YEAR) == null ? null : ((Number) f.get(BIRTH_YEAR)).intValue(),
        f.get(SEX) == null ? null : Sex.valueOf((String) f.get(SEX)),
        toDouble(f.get(HEIGHT_CM)),
        toDouble(f.get(WEIGHT_KG)),
        goals((Map<?, ?>) f.get(GOALS)),
        preferences((Map<?, ?>) f.get(PREFERENCES)),
        document.version(),
        toInstant((Timestamp) f.get(UPDATED_AT)));
  }

  /** Firestore keeps microseconds: finer digits of {@code instant} are dropped. */
  static Timestamp toTimestamp(Instant instant) {
    return Timestamp.ofTimeSecondsAndNanos(instant.getEpochSecond(), instant.getNano());
  }

  static Instant toInstant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }

  private static Map<String, Object> goals(Goals goals) {
    if (goals == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    putIfSet(m, "text", goals.text());
    TargetEvent event = goals.targetEvent();
    if (event != null) {
      Map<String, Object> e = new LinkedHashMap<>();
      putIfSet(e, "name", event.name());
      putIfSet(e, "date", event.date() == null ? null : event.date().toString());
      putIfSet(e, "distanceM", event.distanceM());
      m.put("targetEvent", e);
    }
    WeeklyVolume volume = goals.weeklyVolume();
    if (volume != null) {
      Map<String, Object> v = new LinkedHashMap<>();
      putIfSet(v, "distanceM", volume.distanceM());
      putIfSet(v, "durationMin", volume.durationMin() == null ? null : (long) volume.durationMin());
      m.put("weeklyVolume", v);
    }
    return m;
  }

  private static Goals goals(Map<?, ?> m) {
    if (m == null) {
      return null;
    }
    TargetEvent event = null;
    if (m.get("targetEvent") instanceof Map<?, ?> e) {
      event =
          new TargetEvent(
              (String) e.get("name"),
              e.get("date") == null ? null : LocalDate.parse((String) e.get("date")),
              toDouble(e.get("distanceM")));
    }
    WeeklyVolume volume = null;
    if (m.get("weeklyVolume") instanceof Map<?, ?> v) {
      volume =
          new WeeklyVolume(
              toDouble(v.get("distanceM")),
              v.get("durationMin") == null ? null : ((Number) v.get("durationMin")).intValue());
    }
    return new Goals((String) m.get("text"), event, volume);
  }

  private static Map<String, Object> preferences(Preferences p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("units", p.units().name());
    m.put("language", p.language());
    m.put("sports", p.sports().stream().map(Sport::name).toList());
    m.put("activityPrivacy", p.activityPrivacy().name());
    return m;
  }

  private static Preferences preferences(Map<?, ?> m) {
    List<?> sports = m.get("sports") instanceof List<?> list ? list : List.of();
    return new Preferences(
        Units.valueOf((String) m.get("units")),
        (String) m.get("language"),
        sports.stream().map(s -> Sport.valueOf((String) s)).toList(),
        ActivityPrivacy.valueOf((String) m.get("activityPrivacy")));
  }

  private static Double toDouble(Object value) {
    return value == null ? null : ((Number) value).doubleValue();
  }

  private static void putIfSet(Map<String, Object> fields, String name, Object value) {
    if (value != null) {
      fields.put(name, value);
    }
  }
}
