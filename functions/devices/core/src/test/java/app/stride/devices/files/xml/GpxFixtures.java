package app.stride.devices.files.xml;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * GPX documents built in tests: a track heading north at a steady speed, one point every {@code
 * step} seconds, with optional times, elevations, Garmin TrackPointExtension values and pauses.
 */
public final class GpxFixtures {
  /** The default start. */
  public static final Instant START = Instant.parse("2024-05-01T06:00:00Z");

  static final double METERS_PER_DEGREE_LATITUDE = 111_195.0;

  private Instant start = START;
  private int points = 121;
  private int stepSeconds = 5;
  private double speed = 3.0;
  private boolean times = true;
  private boolean elevations = true;
  private boolean extensions = true;
  private String type = "running";
  private String version = "1.1";
  private boolean emptySegment;
  private final List<Integer> pauseAfter = new ArrayList<>();
  private int pauseSeconds;

  private GpxFixtures() {}

  /** A 10-minute run: 121 points 5 s apart at 3 m/s (1,800 m), HR/cadence/power in extensions. */
  public static GpxFixtures aTrack() {
    return new GpxFixtures();
  }

  /** Starts the track at {@code value} instead of {@link #START}. */
  public GpxFixtures start(Instant value) {
    this.start = value;
    return this;
  }

  public GpxFixtures points(int value) {
    this.points = value;
    return this;
  }

  public GpxFixtures type(String value) {
    this.type = value;
    return this;
  }

  public GpxFixtures withoutTimes() {
    this.times = false;
    return this;
  }

  public GpxFixtures withoutElevations() {
    this.elevations = false;
    return this;
  }

  public GpxFixtures withoutExtensions() {
    this.extensions = false;
    return this;
  }

  /** A GPX 1.0 document (speed as a point element, no extensions namespace). */
  public GpxFixtures version10() {
    this.version = "1.0";
    return this;
  }

  /** Adds an empty {@code trkseg} before the real one. */
  public GpxFixtures withEmptySegment() {
    this.emptySegment = true;
    return this;
  }

  /** Stands still for {@code seconds} after point {@code index} (time passes, no distance). */
  public GpxFixtures pauseAfter(int index, int seconds) {
    this.pauseAfter.add(index);
    this.pauseSeconds = seconds;
    return this;
  }

  /** The document. */
  public String build() {
    boolean v11 = version.equals("1.1");
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.append("<gpx version=\"").append(version).append("\" creator=\"StrideTest\"");
    x.append(
        v11
            ? " xmlns=\"http://www.topografix.com/GPX/1/1\""
                + " xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">\n"
            : " xmlns=\"http://www.topografix.com/GPX/1/0\">\n");
    x.append("<metadata><time>2024-05-01T05:59:00Z</time></metadata>\n");
    x.append("<trk><name>Morning run</name>");
    if (type != null) {
      x.append("<type>").append(type).append("</type>");
    }
    x.append('\n');
    if (emptySegment) {
      x.append("<trkseg></trkseg>\n");
    }
    x.append("<trkseg>\n");
    long seconds = 0;
    double meters = 0;
    for (int i = 0; i < points; i++) {
      double lat = 46.0 + meters / METERS_PER_DEGREE_LATITUDE;
      x.append("<trkpt lat=\"").append(lat).append("\" lon=\"14.5\">");
      if (elevations) {
        x.append("<ele>").append(300 + i * 0.5).append("</ele>");
      }
      if (times) {
        x.append("<time>").append(start.plusSeconds(seconds)).append("</time>");
      }
      if (!v11) {
        x.append("<speed>").append(speed).append("</speed>");
      }
      if (extensions && v11) {
        x.append("<extensions><power>").append(200 + i % 3).append("</power>");
        x.append("<gpxtpx:TrackPointExtension><gpxtpx:hr>")
            .append(140 + i % 3)
            .append("</gpxtpx:hr><gpxtpx:cad>88</gpxtpx:cad></gpxtpx:TrackPointExtension>");
        x.append("</extensions>");
      }
      x.append("</trkpt>\n");
      seconds += stepSeconds;
      meters += speed * stepSeconds;
      if (pauseAfter.contains(i)) {
        seconds += pauseSeconds;
      }
    }
    x.append("</trkseg></trk></gpx>\n");
    return x.toString();
  }
}
