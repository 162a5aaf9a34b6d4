package app.stride.devices.files.xml;

import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.Sample;
import app.stride.devices.files.ActivityDraft;
import app.stride.devices.files.ActivityFileException;
import app.stride.devices.sports.SportMapping;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the {@code Workout} elements of an Apple Health {@code export.xml}, streaming past
 * everything else (the file is mostly {@code Record}s and can be gigabytes): activity type, start
 * and end dates with their offset, duration, distance (the {@code totalDistance} attribute of older
 * exports or the distance {@code WorkoutStatistics} of newer ones), heart rate statistics,
 * elevation ascended metadata and the route files ({@code WorkoutRoute/FileReference}).
 */
public final class AppleHealthExport {
  private static final Pattern DEVICE_NAME = Pattern.compile("name:([^,>]+)");

  private AppleHealthExport() {}

  /** One workout as the export states it; the route is joined by {@link #toActivity}. */
  public record Workout(
      String activityType,
      OffsetDateTime start,
      OffsetDateTime end,
      Double durationSeconds,
      Double distanceMeters,
      Integer averageHeartRate,
      Integer maxHeartRate,
      Double elevationGainMeters,
      String device,
      List<String> routePaths) {}

  /**
   * The workouts of an export.xml.
   *
   * @throws ActivityFileException {@code unsafe-xml} for entity declarations, {@code corrupt-file}
   *     for malformed XML or values, or a bound's code
   */
  public static List<Workout> readWorkouts(InputStream in)
      throws ActivityFileException, IOException {
    XMLStreamReader reader = SafeXml.open(in);
    try {
      return new Reading(reader).run();
    } catch (XMLStreamException e) {
      throw SafeXml.failure(e);
    } finally {
      try {
        reader.close();
      } catch (XMLStreamException e) {
        // nothing held beyond the stream, which the caller owns
      }
    }
  }

  /**
   * The activity of one workout, with the samples of its first route found in {@code routes} (keyed
   * by {@link #routeKey}).
   */
  public static ActivityData toActivity(Workout w, Map<String, List<List<Sample>>> routes)
      throws ActivityFileException {
    ActivityDraft draft = new ActivityDraft();
    draft.sport = SportMapping.fromHealthKit(w.activityType());
    draft.start = w.start().toInstant();
    draft.utcOffset = w.start().getOffset();
    draft.elapsed = Duration.between(w.start(), w.end());
    if (w.durationSeconds() != null) {
      draft.moving = Duration.ofMillis(Math.round(w.durationSeconds() * 1000));
    }
    draft.distanceMeters = w.distanceMeters();
    draft.averageHeartRate = w.averageHeartRate();
    draft.maxHeartRate = w.maxHeartRate();
    draft.elevationGainMeters = w.elevationGainMeters();
    draft.device = w.device();
    for (String path : w.routePaths()) {
      List<List<Sample>> route = routes.get(routeKey(path));
      if (route != null) {
        route.forEach(segment -> draft.segments.add(new ArrayList<>(segment)));
        break;
      }
    }
    return draft.build();
  }

  /**
   * The key joining a route file to its workout: the path from {@code workout-routes/} on, as both
   * the zip entry name and the {@code FileReference} path contain it; null otherwise.
   */
  public static String routeKey(String path) {
    if (path == null) {
      return null;
    }
    int at = path.indexOf("workout-routes/");
    return at < 0 ? null : path.substring(at);
  }

  /** One pass over export.xml. */
  private static final class Reading {
    private final XMLStreamReader r;
    private final List<Workout> workouts = new ArrayList<>();
    private Builder workout;
    private boolean sawRoot;

    Reading(XMLStreamReader reader) {
      this.r = reader;
    }

    List<Workout> run() throws XMLStreamException, ActivityFileException {
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.DTD) {
          SafeXml.checkDeclarationsOnly(r.getText());
        } else if (event == XMLStreamConstants.START_ELEMENT) {
          start(r.getLocalName());
        } else if (event == XMLStreamConstants.END_ELEMENT
            && "Workout".equals(r.getLocalName())
            && workout != null) {
          workouts.add(workout.build());
          workout = null;
        }
      }
      if (!sawRoot) {
        throw XmlValues.corrupt("export.xml has no HealthData element");
      }
      return workouts;
    }

    private void start(String name) throws ActivityFileException {
      if (!sawRoot) {
        if (!"HealthData".equals(name)) {
          throw XmlValues.corrupt("export.xml is not an Apple Health export");
        }
        sawRoot = true;
        return;
      }
      switch (name) {
        case "Workout" -> workout = workout();
        case "WorkoutStatistics" -> {
          if (workout != null) {
            statistics();
          }
        }
        case "MetadataEntry" -> {
          if (workout != null && "HKElevationAscended".equals(attr("key"))) {
            workout.elevation = quantityMeters(attr("value"));
          }
        }
        case "FileReference" -> {
          if (workout != null && attr("path") != null) {
            workout.routes.add(attr("path"));
          }
        }
        default -> {
          // Records, summaries and everything else are skipped
        }
      }
    }

    private Builder workout() throws ActivityFileException {
      Builder b = new Builder();
      b.type = attr("workoutActivityType");
      b.start = XmlValues.appleDateTime(attr("startDate"));
      b.end = XmlValues.appleDateTime(attr("endDate"));
      if (b.start == null || b.end == null) {
        throw XmlValues.corrupt("a workout of the Apple Health export has no start or end date");
      }
      Double duration = XmlValues.decimal(attr("duration"), "duration");
      b.duration = duration == null ? null : seconds(duration, attr("durationUnit"));
      Double distance = XmlValues.decimal(attr("totalDistance"), "distance");
      b.distance = distance == null ? null : meters(distance, attr("totalDistanceUnit"));
      b.device = deviceName(attr("device"));
      return b;
    }

    private void statistics() throws ActivityFileException {
      String type = attr("type");
      if (type == null) {
        return;
      }
      if (type.startsWith("HKQuantityTypeIdentifierDistance") && workout.distance == null) {
        Double sum = XmlValues.decimal(attr("sum"), "distance");
        workout.distance = sum == null ? null : meters(sum, attr("unit"));
      } else if (type.equals("HKQuantityTypeIdentifierHeartRate")) {
        workout.averageHeartRate = XmlValues.count(attr("average"), "heart rate");
        workout.maxHeartRate = XmlValues.count(attr("maximum"), "heart rate");
      }
    }

    private String attr(String name) {
      return r.getAttributeValue(null, name);
    }
  }

  /** A workout while it is read. */
  private static final class Builder {
    String type;
    OffsetDateTime start;
    OffsetDateTime end;
    Double duration;
    Double distance;
    Integer averageHeartRate;
    Integer maxHeartRate;
    Double elevation;
    String device;
    final List<String> routes = new ArrayList<>();

    Workout build() {
      return new Workout(
          type,
          start,
          end,
          duration,
          distance,
          averageHeartRate,
          maxHeartRate,
          elevation,
          device,
          List.copyOf(routes));
    }
  }

  private static Double seconds(double value, String unit) {
    String u = unit == null ? "min" : unit.strip().toLowerCase(Locale.ROOT);
    return switch (u) {
      case "s", "sec" -> value;
      case "min" -> value * 60;
      case "hr", "h" -> value * 3600;
      default -> null;
    };
  }

  private static Double meters(double value, String unit) {
    String u = unit == null ? "" : unit.strip().toLowerCase(Locale.ROOT);
    return switch (u) {
      case "m" -> value;
      case "km" -> value * 1000;
      case "mi" -> value * 1609.344;
      case "yd" -> value * 0.9144;
      case "ft" -> value * 0.3048;
      case "cm" -> value / 100;
      default -> null;
    };
  }

  /** A quantity such as {@code 4520 cm} in metres, null when malformed. */
  private static Double quantityMeters(String text) {
    if (text == null) {
      return null;
    }
    String[] parts = text.strip().split("\\s+");
    if (parts.length != 2) {
      return null;
    }
    try {
      double value = Double.parseDouble(parts[0]);
      Double meters = Double.isFinite(value) ? meters(value, parts[1]) : null;
      return meters != null && meters >= 0 ? meters : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String deviceName(String device) {
    if (device == null) {
      return null;
    }
    Matcher m = DEVICE_NAME.matcher(device);
    return m.find() ? m.group(1).strip() : null;
  }
}
