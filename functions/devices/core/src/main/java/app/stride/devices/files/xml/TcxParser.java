package app.stride.devices.files.xml;

import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.Lap;
import app.stride.devices.domain.Sample;
import app.stride.devices.files.ActivityDraft;
import app.stride.devices.files.ActivityFileException;
import app.stride.devices.files.FailureCode;
import app.stride.devices.sports.SportMapping;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a Garmin Training Center (TCX v2) file into an {@link ActivityData}: the first {@code
 * Activity} (its {@code Sport} attribute, {@code Id} start time, {@code Lap}s with {@code
 * TotalTimeSeconds} and {@code DistanceMeters}, {@code Trackpoint}s with position, altitude,
 * distance, heart rate, cadence and the {@code TPX} extension's speed and watts) and the creator's
 * name as device. The moving time is the laps' total time (the device's timer); the elapsed time
 * runs from the start to the end of the last lap or sample.
 */
public final class TcxParser {
  private TcxParser() {}

  /**
   * The first activity of a TCX file.
   *
   * @throws ActivityFileException {@code unsafe-xml}, {@code corrupt-file}, {@code no-activity},
   *     {@code implausible-activity} or a bound's code
   * @throws IOException when the source stream fails
   */
  public static ActivityData parse(InputStream in) throws ActivityFileException, IOException {
    XMLStreamReader reader = SafeXml.open(in);
    Reading reading = new Reading(reader);
    try {
      reading.run();
    } catch (XMLStreamException e) {
      throw SafeXml.failure(e);
    } finally {
      try {
        reader.close();
      } catch (XMLStreamException e) {
        // nothing held beyond the stream, which the caller owns
      }
    }
    return reading.toActivity();
  }

  /** One pass over the document. */
  private static final class Reading {
    private final XMLStreamReader r;
    private final Deque<String> path = new ArrayDeque<>();
    private final ActivityDraft draft = new ActivityDraft();
    private final List<LapTotals> laps = new ArrayList<>();
    private int activities;
    private boolean sawRoot;
    private Instant id;
    private List<Sample> segment;
    private LapTotals lap;
    private Point point;

    Reading(XMLStreamReader reader) {
      this.r = reader;
    }

    void run() throws XMLStreamException, ActivityFileException {
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.DTD) {
          throw SafeXml.doctypeRefused();
        } else if (event == XMLStreamConstants.START_ELEMENT) {
          start(r.getLocalName());
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          end(path.pop());
        }
      }
      if (!sawRoot) {
        throw XmlValues.corrupt("the document has no TrainingCenterDatabase element");
      }
    }

    private boolean inFirstActivity() {
      return activities == 1 && path.contains("Activity");
    }

    private void start(String name) throws XMLStreamException, ActivityFileException {
      if (path.isEmpty()) {
        if (!"TrainingCenterDatabase".equals(name)) {
          throw XmlValues.corrupt("the document is not TCX");
        }
        sawRoot = true;
      }
      String parent = path.peek();
      if ("Activity".equals(name) && "Activities".equals(parent)) {
        activities++;
        if (activities == 1) {
          draft.sport = SportMapping.fromTcx(r.getAttributeValue(null, "Sport"));
        }
      } else if (inFirstActivity() && value(name, parent)) {
        return;
      } else if (inFirstActivity()) {
        open(name);
      }
      path.push(name);
    }

    private void open(String name) throws ActivityFileException {
      switch (name) {
        case "Lap" -> {
          lap = new LapTotals();
          lap.start = XmlValues.instant(r.getAttributeValue(null, "StartTime"));
        }
        case "Track" -> segment = draft.newSegment();
        case "Trackpoint" -> point = segment == null ? null : new Point();
        default -> {
          // a container without values of its own
        }
      }
    }

    /** Reads a value element of the first activity (consuming it); false when not one. */
    private boolean value(String name, String parent)
        throws XMLStreamException, ActivityFileException {
      if (point != null) {
        return pointValue(name, parent);
      }
      if (lap != null) {
        return lapValue(name, parent);
      }
      if ("Id".equals(name) && "Activity".equals(parent)) {
        id = XmlValues.instant(r.getElementText());
      } else if ("Name".equals(name) && "Creator".equals(parent)) {
        draft.device = r.getElementText();
      } else {
        return false;
      }
      return true;
    }

    private boolean pointValue(String name, String parent)
        throws XMLStreamException, ActivityFileException {
      switch (name) {
        case "Time" -> point.time = XmlValues.instant(r.getElementText());
        case "LatitudeDegrees" -> point.lat = XmlValues.decimal(r.getElementText(), "latitude");
        case "LongitudeDegrees" -> point.lon = XmlValues.decimal(r.getElementText(), "longitude");
        case "AltitudeMeters" -> point.ele = XmlValues.decimal(r.getElementText(), "altitude");
        case "DistanceMeters" -> point.distance = XmlValues.decimal(r.getElementText(), "distance");
        case "Value" -> {
          if (!"HeartRateBpm".equals(parent)) {
            return false;
          }
          point.hr = XmlValues.count(r.getElementText(), "heart rate");
        }
        case "Cadence", "RunCadence" -> {
          Integer cadence = XmlValues.count(r.getElementText(), "cadence");
          point.cad = point.cad != null ? point.cad : cadence;
        }
        case "Speed" -> point.speed = XmlValues.decimal(r.getElementText(), "speed");
        case "Watts" -> point.power = XmlValues.count(r.getElementText(), "power");
        default -> {
          return false;
        }
      }
      return true;
    }

    private boolean lapValue(String name, String parent)
        throws XMLStreamException, ActivityFileException {
      if ("Lap".equals(parent) && "TotalTimeSeconds".equals(name)) {
        lap.seconds = XmlValues.decimal(r.getElementText(), "lap time");
      } else if ("Lap".equals(parent) && "DistanceMeters".equals(name)) {
        lap.distance = XmlValues.decimal(r.getElementText(), "lap distance");
      } else if ("Value".equals(name) && "AverageHeartRateBpm".equals(parent)) {
        lap.averageHeartRate = XmlValues.count(r.getElementText(), "heart rate");
      } else if ("Value".equals(name) && "MaximumHeartRateBpm".equals(parent)) {
        lap.maxHeartRate = XmlValues.count(r.getElementText(), "heart rate");
      } else {
        return false;
      }
      return true;
    }

    private void end(String name) {
      if (!inFirstActivity() && !"Activity".equals(name)) {
        return;
      }
      switch (name) {
        case "Trackpoint" -> {
          if (point != null && point.time != null) {
            segment.add(point.toSample());
          }
          point = null;
        }
        case "Track" -> segment = null;
        case "Lap" -> {
          if (lap != null) {
            laps.add(lap);
          }
          lap = null;
        }
        default -> {
          // nothing to close
        }
      }
    }

    ActivityData toActivity() throws ActivityFileException {
      if (activities == 0) {
        throw new ActivityFileException(FailureCode.NO_ACTIVITY, "the TCX file has no activity");
      }
      Instant firstSample = null;
      Instant lastSample = null;
      for (List<Sample> s : draft.segments) {
        for (Sample sample : s) {
          firstSample = min(firstSample, sample.time());
          lastSample = max(lastSample, sample.time());
        }
      }
      Instant start = id;
      Instant end = lastSample;
      double timer = 0;
      double distance = 0;
      boolean allDistances = !laps.isEmpty();
      double weightedHeartRate = 0;
      double heartRateSeconds = 0;
      for (LapTotals l : laps) {
        start = min(start, l.start);
        if (l.start != null && l.seconds != null && l.seconds >= 0) {
          Duration elapsed = Duration.ofMillis(Math.round(l.seconds * 1000));
          draft.laps.add(new Lap(l.start, elapsed, l.distance));
          end = max(end, l.start.plus(elapsed));
        }
        timer += l.seconds == null ? 0 : l.seconds;
        allDistances &= l.distance != null;
        distance += l.distance == null ? 0 : l.distance;
        if (l.averageHeartRate != null && l.seconds != null) {
          weightedHeartRate += l.averageHeartRate * l.seconds;
          heartRateSeconds += l.seconds;
        }
        if (l.maxHeartRate != null) {
          draft.maxHeartRate = Math.max(l.maxHeartRate, nz(draft.maxHeartRate));
        }
      }
      start = start == null ? firstSample : min(start, firstSample);
      if (start == null) {
        throw new ActivityFileException(FailureCode.NO_ACTIVITY, "the TCX activity has no times");
      }
      draft.start = start;
      if (end != null) {
        draft.elapsed = Duration.between(start, end);
      }
      if (!laps.isEmpty() && timer > 0) {
        draft.moving = Duration.ofMillis(Math.round(timer * 1000));
      }
      draft.distanceMeters = allDistances ? distance : null;
      boolean samplesHaveHeartRate =
          draft.segments.stream().flatMap(List::stream).anyMatch(s -> s.heartRate() != null);
      if (!samplesHaveHeartRate && heartRateSeconds > 0) {
        draft.averageHeartRate = (int) Math.round(weightedHeartRate / heartRateSeconds);
      } else if (samplesHaveHeartRate) {
        draft.maxHeartRate = null;
      }
      return draft.build();
    }

    private static int nz(Integer value) {
      return value == null ? 0 : value;
    }

    private static Instant min(Instant a, Instant b) {
      return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
      return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
  }

  /** What a lap states about itself. */
  private static final class LapTotals {
    Instant start;
    Double seconds;
    Double distance;
    Integer averageHeartRate;
    Integer maxHeartRate;
  }

  /** A trackpoint while it is read. */
  private static final class Point {
    Instant time;
    Double lat;
    Double lon;
    Double ele;
    Double distance;
    Integer hr;
    Integer cad;
    Integer power;
    Double speed;

    Sample toSample() {
      boolean position = lat != null && lon != null && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
      return new Sample(
          time,
          position ? lat : null,
          position ? lon : null,
          ele,
          hr,
          cad,
          power,
          speed != null && speed >= 0 ? speed : null,
          distance != null && distance >= 0 ? distance : null);
    }
  }
}
