package app.stride.profiles.adapter.in.http;

import app.stride.core.json.Json;
import app.stride.profiles.domain.ActivityPrivacy;
import app.stride.profiles.domain.Goals;
import app.stride.profiles.domain.Preferences;
import app.stride.profiles.domain.Profile;
import app.stride.profiles.domain.ProfileDraft;
import app.stride.profiles.domain.Sex;
import app.stride.profiles.domain.Sport;
import app.stride.profiles.domain.TargetEvent;
import app.stride.profiles.domain.Units;
import app.stride.profiles.domain.WeeklyVolume;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API's JSON form of a profile. Input has already passed the spec's schema, so the reads here
 * only translate; enum values are lower-case on the wire.
 */
final class ProfileJson {
  private ProfileJson() {}

  /** The response body of a profile. */
  static ObjectNode toResource(Profile profile) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("userId", profile.userId().value());
    writeDraft(node, profile.draft());
    node.put("version", profile.version());
    node.put("updatedAt", profile.updatedAt().toString());
    return node;
  }

  /** The editable fields of a draft, in the shape of the {@code ProfileInput} schema. */
  static ObjectNode toInput(ProfileDraft draft) {
    ObjectNode node = Json.mapper().createObjectNode();
    writeDraft(node, draft);
    return node;
  }

  /** A draft from a {@code ProfileInput}-valid body. */
  static ProfileDraft toDraft(JsonNode body) {
    return new ProfileDraft(
        body.path("displayName").asString(),
        text(body, "about"),
        body.hasNonNull("birthYear") ? body.get("birthYear").asInt() : null,
        body.hasNonNull("sex") ? enumOf(Sex.class, body.get("sex")) : null,
        number(body, "heightCm"),
        number(body, "weightKg"),
        goals(body.get("goals")),
        preferences(body.get("preferences")));
  }

  private static void writeDraft(ObjectNode node, ProfileDraft d) {
    node.put("displayName", d.displayName());
    putIfSet(node, "about", d.about());
    if (d.birthYear() != null) {
      node.put("birthYear", d.birthYear());
    }
    if (d.sex() != null) {
      node.put("sex", wire(d.sex()));
    }
    if (d.heightCm() != null) {
      node.put("heightCm", d.heightCm());
    }
    if (d.weightKg() != null) {
      node.put("weightKg", d.weightKg());
    }
    if (d.goals() != null) {
      node.set("goals", goals(d.goals()));
    }
    node.set("preferences", preferences(d.preferences()));
  }

  private static ObjectNode goals(Goals goals) {
    ObjectNode node = Json.mapper().createObjectNode();
    putIfSet(node, "text", goals.text());
    TargetEvent event = goals.targetEvent();
    if (event != null) {
      ObjectNode e = node.putObject("targetEvent");
      e.put("name", event.name());
      if (event.date() != null) {
        e.put("date", event.date().toString());
      }
      if (event.distanceM() != null) {
        e.put("distanceM", event.distanceM());
      }
    }
    WeeklyVolume volume = goals.weeklyVolume();
    if (volume != null) {
      ObjectNode v = node.putObject("weeklyVolume");
      if (volume.distanceM() != null) {
        v.put("distanceM", volume.distanceM());
      }
      if (volume.durationMin() != null) {
        v.put("durationMin", volume.durationMin());
      }
    }
    return node;
  }

  private static ObjectNode preferences(Preferences p) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("units", wire(p.units()));
    node.put("language", p.language());
    ArrayNode sports = node.putArray("sports");
    p.sports().forEach(s -> sports.add(wire(s)));
    node.put("activityPrivacy", wire(p.activityPrivacy()));
    return node;
  }

  private static Goals goals(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    JsonNode event = node.get("targetEvent");
    TargetEvent target =
        event == null || event.isNull()
            ? null
            : new TargetEvent(
                event.path("name").asString(),
                event.hasNonNull("date") ? LocalDate.parse(event.get("date").asString()) : null,
                number(event, "distanceM"));
    JsonNode volume = node.get("weeklyVolume");
    WeeklyVolume weekly =
        volume == null || volume.isNull()
            ? null
            : new WeeklyVolume(
                number(volume, "distanceM"),
                volume.hasNonNull("durationMin") ? volume.get("durationMin").asInt() : null);
    return new Goals(text(node, "text"), target, weekly);
  }

  private static Preferences preferences(JsonNode node) {
    if (node == null || node.isNull()) {
      return Preferences.DEFAULTS;
    }
    Preferences d = Preferences.DEFAULTS;
    List<Sport> sports = new ArrayList<>();
    for (JsonNode sport : node.path("sports")) {
      sports.add(enumOf(Sport.class, sport));
    }
    return new Preferences(
        node.hasNonNull("units") ? enumOf(Units.class, node.get("units")) : d.units(),
        node.hasNonNull("language") ? node.get("language").asString() : d.language(),
        node.has("sports") ? sports : d.sports(),
        node.hasNonNull("activityPrivacy")
            ? enumOf(ActivityPrivacy.class, node.get("activityPrivacy"))
            : d.activityPrivacy());
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asString() : null;
  }

  private static Double number(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asDouble() : null;
  }

  private static void putIfSet(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  private static String wire(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, JsonNode value) {
    return Enum.valueOf(type, value.asString().toUpperCase(Locale.ROOT));
  }
}
