package app.stride.devices.files.xml;

import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.Sample;
import app.stride.devices.files.ActivityDraft;
import app.stride.devices.files.ActivityFileException;
import app.stride.devices.files.FailureCode;
import app.stride.devices.sports.SportMapping;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads GPX 1.0 and 1.1 tracks ({@code trk/trkseg/trkpt}) into an {@link ActivityData}: every track
 * of the file is one activity, each {@code trkseg} a recording segment (empty ones skipped). Heart
 * rate, cadence, power and speed come from the Garmin TrackPointExtension ({@code gpxtpx:hr},
 * {@code gpxtpx:cad}) and the common extension elements ({@code power}, {@code speed}, ...),
 * matched by local name in any namespace. Points without a time are skipped; a track without any
 * time cannot have a duration and fails as {@code no-activity}.
 */
public final class GpxParser {
  private static final Set<String> HEART_RATE = Set.of("hr", "heartrate");
  private static final Set<String> CADENCE = Set.of("cad", "cadence", "runcadence");
  private static final Set<String> POWER = Set.of("power", "watts");

  private GpxParser() {}

  /** What a GPX file holds: its segments of timed samples and its descriptive fields. */
  public record Track(
      List<List<Sample>> segments, String type, String creator, int points, ZoneOffset offset) {}

  /**
   * The activity of a GPX file.
   *
   * @throws ActivityFileException {@code unsafe-xml}, {@code corrupt-file}, {@code no-activity},
   *     {@code implausible-activity} or a bound's code
   * @throws IOException when the source stream fails
   */
  public static ActivityData parse(InputStream in) throws ActivityFileException, IOException {
    Track track = read(in);
    int timed = track.segments().stream().mapToInt(List::size).sum();
    if (track.points() == 0) {
      throw new ActivityFileException(FailureCode.NO_ACTIVITY, "the GPX file has no track points");
    }
    if (timed == 0) {
      throw new ActivityFileException(
          FailureCode.NO_ACTIVITY,
          "the GPX track has no times, so the activity's duration cannot be known");
    }
    ActivityDraft draft = new ActivityDraft();
    draft.sport = SportMapping.fromGpxType(track.type());
    draft.device = track.creator();
    draft.utcOffset = track.offset();
    draft.segments.addAll(track.segments());
    return draft.build();
  }

  /** The track points of a GPX file (also used for Apple Health workout routes). */
  public static Track read(InputStream in) throws ActivityFileException, IOException {
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

  /** One pass over the document. */
  private static final class Reading {
    private final XMLStreamReader r;
    private final List<List<Sample>> segments = new ArrayList<>();
    private List<Sample> segment;
    private Point point;
    private String type;
    private String creator;
    private ZoneOffset offset;
    private int points;
    private int depth;
    private int trackDepth = -1;
    private boolean sawRoot;

    Reading(XMLStreamReader reader) {
      this.r = reader;
    }

    Track run() throws XMLStreamException, ActivityFileException {
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.DTD) {
          throw SafeXml.doctypeRefused();
        } else if (event == XMLStreamConstants.START_ELEMENT) {
          start(r.getLocalName());
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          end(r.getLocalName());
        }
      }
      if (!sawRoot) {
        throw XmlValues.corrupt("the document has no gpx element");
      }
      segments.removeIf(List::isEmpty);
      return new Track(segments, type, creator, points, offset);
    }

    private void start(String name) throws XMLStreamException, ActivityFileException {
      if (depth == 0) {
        if (!"gpx".equals(name)) {
          throw XmlValues.corrupt("the document is not GPX");
        }
        creator = r.getAttributeValue(null, "creator");
        sawRoot = true;
      }
      if (point != null && leaf(name)) {
        return;
      }
      if ("trk".equals(name)) {
        trackDepth = depth;
      } else if ("type".equals(name) && depth == trackDepth + 1 && type == null) {
        type = r.getElementText();
        return;
      } else if ("trkseg".equals(name)) {
        segment = new ArrayList<>();
        segments.add(segment);
      } else if ("trkpt".equals(name) && segment != null) {
        point = new Point();
        point.lat = position(r.getAttributeValue(null, "lat"), 90);
        point.lon = position(r.getAttributeValue(null, "lon"), 180);
      }
      depth++;
    }

    /** Reads a point's value element (consuming it); false when not one. */
    private boolean leaf(String name) throws XMLStreamException, ActivityFileException {
      String lower = name.toLowerCase(Locale.ROOT);
      if ("ele".equals(name)) {
        point.ele = XmlValues.decimal(r.getElementText(), "elevation");
      } else if ("time".equals(name)) {
        point.time = XmlValues.dateTime(r.getElementText());
      } else if (HEART_RATE.contains(lower)) {
        point.hr = XmlValues.count(r.getElementText(), "heart rate");
      } else if (CADENCE.contains(lower)) {
        point.cad = XmlValues.count(r.getElementText(), "cadence");
      } else if (POWER.contains(lower)) {
        point.power = XmlValues.count(r.getElementText(), "power");
      } else if ("speed".equals(lower)) {
        Double speed = XmlValues.decimal(r.getElementText(), "speed");
        point.speed = speed != null && speed >= 0 ? speed : null;
      } else {
        return false;
      }
      return true;
    }

    private void end(String name) {
      depth--;
      if ("trkpt".equals(name) && point != null) {
        points++;
        if (point.time != null) {
          if (offset == null && !ZoneOffset.UTC.equals(point.time.getOffset())) {
            offset = point.time.getOffset();
          }
          segment.add(point.toSample());
        }
        point = null;
      } else if ("trkseg".equals(name)) {
        segment = null;
      } else if ("trk".equals(name)) {
        trackDepth = -1;
      }
    }

    private static double position(String text, double bound) throws ActivityFileException {
      Double value = XmlValues.decimal(text, "coordinate");
      if (value == null || Math.abs(value) > bound) {
        throw XmlValues.corrupt("a track point has a missing or out-of-range coordinate");
      }
      return value;
    }
  }

  /** A track point while it is read. */
  private static final class Point {
    double lat;
    double lon;
    Double ele;
    OffsetDateTime time;
    Integer hr;
    Integer cad;
    Integer power;
    Double speed;

    Sample toSample() {
      return new Sample(time.toInstant(), lat, lon, ele, hr, cad, power, speed, null);
    }
  }
}
