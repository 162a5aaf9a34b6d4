package app.stride.workouts.adapter.in.http;

import app.stride.core.json.Json;
import app.stride.workouts.domain.LengthUnit;
import app.stride.workouts.domain.Sport;
import app.stride.workouts.domain.UnitSystem;
import app.stride.workouts.domain.WorkoutDraft;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code display} block of a workout answer: the stored SI values in the caller's unit system,
 * rounded for showing (distance to 2 decimals, elevation to whole units, pace to whole seconds,
 * speed to 1 decimal), and the start in the workout's own time zone. Pace for running, walking,
 * hiking (per km or mile) and swimming (per 100 m or 100 yd); speed for cycling, rowing and other.
 */
final class DisplayBlock {
  /** RFC 3339 with the zone's offset, seconds always written (ISO_OFFSET_DATE_TIME drops :00). */
  private static final DateTimeFormatter LOCAL_START =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

  private DisplayBlock() {}

  static ObjectNode of(WorkoutDraft d, UnitSystem units) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("units", units.name().toLowerCase(Locale.ROOT));
    node.put("startLocal", LOCAL_START.format(d.startTime().atZone(ZoneId.of(d.timeZone()))));
    Double metres = d.distanceMeters();
    if (metres != null) {
      LengthUnit unit = units.distanceUnit();
      quantity(node, "distance", round(unit.fromMetres(metres), 2), unit.wire());
      addPaceOrSpeed(node, d.sport(), metres, d.durationSeconds(), units);
    }
    if (d.elevationGainMeters() != null) {
      LengthUnit unit = units.elevationUnit();
      quantity(
          node,
          "elevationGain",
          (double) Math.round(unit.fromMetres(d.elevationGainMeters())),
          unit.wire());
    }
    return node;
  }

  private static void addPaceOrSpeed(
      ObjectNode node, Sport sport, double metres, long seconds, UnitSystem units) {
    if (metres <= 0 || seconds <= 0) {
      return;
    }
    boolean metric = units == UnitSystem.METRIC;
    switch (sport) {
      case RUNNING, WALKING, HIKING -> {
        LengthUnit per = units.distanceUnit();
        quantity(
            node, "pace", (double) Math.round(seconds / per.fromMetres(metres)), "s/" + per.wire());
      }
      case SWIMMING -> {
        double hundreds = metric ? metres / 100 : LengthUnit.YD.fromMetres(metres) / 100;
        quantity(
            node, "pace", (double) Math.round(seconds / hundreds), metric ? "s/100m" : "s/100yd");
      }
      case CYCLING, ROWING, OTHER -> {
        double perHour = units.distanceUnit().fromMetres(metres) / (seconds / 3600.0);
        quantity(node, "speed", round(perHour, 1), metric ? "km/h" : "mph");
      }
      default -> {
        // yoga and strength have no distance
      }
    }
  }

  private static void quantity(ObjectNode node, String name, double value, String unit) {
    ObjectNode q = node.putObject(name);
    q.put("value", value);
    q.put("unit", unit);
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
