package app.stride.devices.files.xml;

import java.time.Instant;

/**
 * TCX documents built in tests: one activity of two laps of 60 trackpoints, one a second, at 4 m/s,
 * with heart rate, cadence and the TPX extension's speed and watts.
 */
public final class TcxFixtures {
  /** The default start. */
  public static final Instant START = Instant.parse("2024-05-01T06:00:00Z");

  private String sport = "Biking";
  private int lapSeconds = 60;
  private double speed = 4.0;
  private boolean times = true;

  private TcxFixtures() {}

  /** A ride of two 60-second laps at 4 m/s (240 m each), HR 150 then 160. */
  public static TcxFixtures anActivity() {
    return new TcxFixtures();
  }

  public TcxFixtures sport(String value) {
    this.sport = value;
    return this;
  }

  public TcxFixtures withoutTimes() {
    this.times = false;
    return this;
  }

  /** The document. */
  public String build() {
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.append(
        "<TrainingCenterDatabase"
            + " xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\""
            + " xmlns:ns3=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\">\n");
    x.append("<Activities><Activity Sport=\"").append(sport).append("\">\n");
    if (times) {
      x.append("<Id>").append(START).append("</Id>\n");
    }
    int second = 0;
    for (int lap = 0; lap < 2; lap++) {
      Instant lapStart = START.plusSeconds(second);
      x.append("<Lap StartTime=\"").append(lapStart).append("\">");
      x.append("<TotalTimeSeconds>").append(lapSeconds).append(".0</TotalTimeSeconds>");
      x.append("<DistanceMeters>").append(lapSeconds * speed).append("</DistanceMeters>");
      x.append("<MaximumSpeed>").append(speed).append("</MaximumSpeed>");
      x.append("<AverageHeartRateBpm><Value>")
          .append(150 + lap * 10)
          .append("</Value></AverageHeartRateBpm>");
      x.append("<MaximumHeartRateBpm><Value>")
          .append(155 + lap * 10)
          .append("</Value></MaximumHeartRateBpm>");
      x.append("<Intensity>Active</Intensity><Cadence>90</Cadence>");
      x.append("<TriggerMethod>Manual</TriggerMethod><Track>\n");
      for (int i = 0; i < lapSeconds; i++) {
        x.append("<Trackpoint>");
        if (times) {
          x.append("<Time>").append(START.plusSeconds(second)).append("</Time>");
        }
        x.append("<Position><LatitudeDegrees>")
            .append(46.0 + second * speed / GpxFixtures.METERS_PER_DEGREE_LATITUDE)
            .append("</LatitudeDegrees><LongitudeDegrees>14.5</LongitudeDegrees></Position>");
        x.append("<AltitudeMeters>").append(300 + second * 0.1).append("</AltitudeMeters>");
        x.append("<DistanceMeters>").append(second * speed).append("</DistanceMeters>");
        x.append("<HeartRateBpm><Value>").append(150 + lap * 10).append("</Value></HeartRateBpm>");
        x.append("<Cadence>90</Cadence>");
        x.append("<Extensions><ns3:TPX><ns3:Speed>")
            .append(speed)
            .append("</ns3:Speed><ns3:Watts>")
            .append(180 + lap * 40)
            .append("</ns3:Watts></ns3:TPX></Extensions>");
        x.append("</Trackpoint>\n");
        second++;
      }
      x.append("</Track></Lap>\n");
    }
    x.append("<Creator xsi:type=\"Device_t\"")
        .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">")
        .append("<Name>Edge 530</Name></Creator>\n");
    x.append("</Activity></Activities></TrainingCenterDatabase>\n");
    return x.toString();
  }
}
