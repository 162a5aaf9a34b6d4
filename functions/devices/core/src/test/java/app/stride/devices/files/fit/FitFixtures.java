package app.stride.devices.files.fit;

import com.garmin.fit.Activity;
import com.garmin.fit.BufferEncoder;
import com.garmin.fit.DateTime;
import com.garmin.fit.DeviceInfoMesg;
import com.garmin.fit.Event;
import com.garmin.fit.EventType;
import com.garmin.fit.File;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.Fit;
import com.garmin.fit.GarminProduct;
import com.garmin.fit.LapMesg;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.Mesg;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.Sport;
import com.garmin.fit.SubSport;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * FIT activity files encoded with the Garmin FIT SDK for tests (this module's and, through the
 * test-jar, the cloud modules'). The defaults describe a known activity: {@code aRun()} is a run of
 * 601 one-second records at 3 m/s starting {@link #START}, UTC+02:00, 1,800 m in 10 minutes, HR
 * averaging 150 (max 160), 2 laps of 300 s, 42 m ascent, recorded by a Garmin fenix 5.
 */
public final class FitFixtures {
  /** The default start. */
  public static final Instant START = Instant.parse("2024-05-01T06:00:00Z");

  private static final long FIT_EPOCH_SECONDS = 631_065_600L;
  private static final double METERS_PER_DEGREE_LATITUDE = 111_195.0;

  private Sport sport = Sport.RUNNING;
  private SubSport subSport = SubSport.STREET;
  private int records = 601;
  private double speed = 3.0;
  private int laps = 2;
  private int sessions = 1;
  private ZoneOffset offset = ZoneOffset.ofHours(2);
  private Integer totalAscent = 42;
  private boolean positions = true;
  private boolean altitude = true;
  private boolean session = true;
  private boolean power;

  private FitFixtures() {}

  /** A run with the defaults above. */
  public static FitFixtures aRun() {
    return new FitFixtures();
  }

  /** A road ride at 8 m/s with power. */
  public static FitFixtures aRide() {
    FitFixtures f = new FitFixtures();
    f.sport = Sport.CYCLING;
    f.subSport = SubSport.ROAD;
    f.speed = 8.0;
    f.power = true;
    return f;
  }

  public FitFixtures sport(Sport value, SubSport sub) {
    this.sport = value;
    this.subSport = sub;
    return this;
  }

  /** The number of one-second records (the elapsed time is one second less). */
  public FitFixtures records(int value) {
    this.records = value;
    return this;
  }

  public FitFixtures laps(int value) {
    this.laps = value;
    return this;
  }

  /** Splits the records into this many sessions (a multisport file). */
  public FitFixtures sessions(int value) {
    this.sessions = value;
    return this;
  }

  public FitFixtures offset(ZoneOffset value) {
    this.offset = value;
    return this;
  }

  /** The session's total_ascent, null to leave it out (the parser then computes it). */
  public FitFixtures totalAscent(Integer value) {
    this.totalAscent = value;
    return this;
  }

  public FitFixtures withoutPositions() {
    this.positions = false;
    return this;
  }

  public FitFixtures withoutAltitude() {
    this.altitude = false;
    return this;
  }

  /** Leaves out session, lap and activity messages: only file_id and records. */
  public FitFixtures withoutSession() {
    this.session = false;
    return this;
  }

  /** The elapsed time of the whole recording. */
  public Duration elapsed() {
    return Duration.ofSeconds(records - 1L);
  }

  /** The distance of the whole recording. */
  public double distanceMeters() {
    return (records - 1) * speed;
  }

  /** The encoded file. */
  public byte[] build() {
    BufferEncoder encoder = new BufferEncoder(Fit.ProtocolVersion.V2_0);
    List<Mesg> messages = new ArrayList<>();
    messages.add(fileId());
    messages.add(device());
    for (int i = 0; i < records; i++) {
      messages.add(record(i));
    }
    if (session) {
      int perSession = (records - 1) / sessions;
      for (int s = 0; s < sessions; s++) {
        int from = s * perSession;
        int to = s == sessions - 1 ? records - 1 : from + perSession;
        int lapCount = s == 0 ? laps : 1;
        int perLap = (to - from) / lapCount;
        for (int l = 0; l < lapCount; l++) {
          int lapFrom = from + l * perLap;
          int lapTo = l == lapCount - 1 ? to : lapFrom + perLap;
          messages.add(lap(lapFrom, lapTo));
        }
        messages.add(session(from, to));
      }
      messages.add(activity());
    }
    encoder.write(messages);
    return encoder.close();
  }

  private FileIdMesg fileId() {
    FileIdMesg m = new FileIdMesg();
    m.setType(File.ACTIVITY);
    m.setManufacturer(Manufacturer.GARMIN);
    m.setProduct(GarminProduct.FENIX5);
    m.setSerialNumber(1234L);
    m.setTimeCreated(time(0));
    return m;
  }

  private DeviceInfoMesg device() {
    DeviceInfoMesg m = new DeviceInfoMesg();
    m.setTimestamp(time(0));
    m.setDeviceIndex((short) 0);
    m.setManufacturer(Manufacturer.GARMIN);
    m.setProduct(GarminProduct.FENIX5);
    return m;
  }

  private RecordMesg record(int i) {
    RecordMesg m = new RecordMesg();
    m.setTimestamp(time(i));
    if (positions) {
      double lat = 45.0 + i * speed / METERS_PER_DEGREE_LATITUDE;
      m.setPositionLat(semicircles(lat));
      m.setPositionLong(semicircles(7.5));
    }
    if (altitude) {
      m.setAltitude((float) (100 + i * 0.07));
    }
    m.setHeartRate((short) (140 + i % 21));
    m.setCadence((short) 85);
    m.setSpeed((float) speed);
    m.setDistance((float) (i * speed));
    if (power) {
      m.setPower(200 + i % 11);
    }
    return m;
  }

  private LapMesg lap(int from, int to) {
    LapMesg m = new LapMesg();
    m.setTimestamp(time(to));
    m.setStartTime(time(from));
    m.setTotalElapsedTime((float) (to - from));
    m.setTotalTimerTime((float) (to - from));
    m.setTotalDistance((float) ((to - from) * speed));
    m.setEvent(Event.LAP);
    m.setEventType(EventType.STOP);
    return m;
  }

  private SessionMesg session(int from, int to) {
    SessionMesg m = new SessionMesg();
    m.setTimestamp(time(to));
    m.setStartTime(time(from));
    m.setSport(sport);
    m.setSubSport(subSport);
    m.setTotalElapsedTime((float) (to - from));
    m.setTotalTimerTime((float) (to - from));
    m.setTotalDistance((float) ((to - from) * speed));
    if (totalAscent != null) {
      m.setTotalAscent(totalAscent);
    }
    m.setAvgHeartRate((short) 150);
    m.setMaxHeartRate((short) 160);
    m.setAvgCadence((short) 85);
    m.setEnhancedAvgSpeed((float) speed);
    m.setEnhancedMaxSpeed((float) speed);
    if (power) {
      m.setAvgPower(205);
      m.setMaxPower(210);
    }
    m.setEvent(Event.SESSION);
    m.setEventType(EventType.STOP);
    return m;
  }

  private Mesg activity() {
    com.garmin.fit.ActivityMesg m = new com.garmin.fit.ActivityMesg();
    DateTime end = time(records - 1);
    m.setTimestamp(end);
    m.setLocalTimestamp(end.getTimestamp() + offset.getTotalSeconds());
    m.setNumSessions(sessions);
    m.setType(Activity.MANUAL);
    m.setTotalTimerTime((float) (records - 1));
    m.setEvent(Event.ACTIVITY);
    m.setEventType(EventType.STOP);
    return m;
  }

  private static DateTime time(int secondsAfterStart) {
    return new DateTime(START.getEpochSecond() - FIT_EPOCH_SECONDS + secondsAfterStart);
  }

  private static int semicircles(double degrees) {
    return (int) Math.round(degrees * (1L << 31) / 180.0);
  }
}
