package app.stride.bench.coldstart.plain;

import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders a profile item as the API's profile JSON (enum values lower-case on the wire). */
final class ProfileResource {
  private ProfileResource() {}

  static ObjectNode of(ProfileRow row, JsonMapper json) {
    ObjectNode node = json.createObjectNode();
    node.put("userId", row.getUserId());
    node.put("displayName", row.getDisplayName());
    putIfSet(node, "about", row.getAbout());
    if (row.getBirthYear() != null) {
      node.put("birthYear", row.getBirthYear());
    }
    putIfSet(node, "sex", wire(row.getSex()));
    if (row.getHeightCm() != null) {
      node.put("heightCm", row.getHeightCm());
    }
    if (row.getWeightKg() != null) {
      node.put("weightKg", row.getWeightKg());
    }
    if (row.getGoals() != null) {
      node.set("goals", goals(row.getGoals(), json));
    }
    node.set("preferences", preferences(row.getPreferences(), json));
    node.put("version", row.getVersion());
    node.put("updatedAt", row.getUpdatedAt().toString());
    return node;
  }

  private static ObjectNode goals(GoalsRow goals, JsonMapper json) {
    ObjectNode node = json.createObjectNode();
    putIfSet(node, "text", goals.getText());
    TargetEventRow event = goals.getTargetEvent();
    if (event != null) {
      ObjectNode e = node.putObject("targetEvent");
      e.put("name", event.getName());
      if (event.getDate() != null) {
        e.put("date", event.getDate().toString());
      }
      if (event.getDistanceM() != null) {
        e.put("distanceM", event.getDistanceM());
      }
    }
    WeeklyVolumeRow volume = goals.getWeeklyVolume();
    if (volume != null) {
      ObjectNode v = node.putObject("weeklyVolume");
      if (volume.getDistanceM() != null) {
        v.put("distanceM", volume.getDistanceM());
      }
      if (volume.getDurationMin() != null) {
        v.put("durationMin", volume.getDurationMin());
      }
    }
    return node;
  }

  private static ObjectNode preferences(PreferencesRow preferences, JsonMapper json) {
    ObjectNode node = json.createObjectNode();
    node.put("units", wire(preferences.getUnits()));
    node.put("language", preferences.getLanguage());
    ArrayNode sports = node.putArray("sports");
    if (preferences.getSports() != null) {
      preferences.getSports().forEach(sport -> sports.add(wire(sport)));
    }
    node.put("activityPrivacy", wire(preferences.getActivityPrivacy()));
    return node;
  }

  private static void putIfSet(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  private static String wire(String enumName) {
    return enumName == null ? null : enumName.toLowerCase(Locale.ROOT);
  }
}
