package app.stride.devices.files.fit;

import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.Lap;
import app.stride.devices.domain.Sample;
import app.stride.devices.files.ActivityDraft;
import app.stride.devices.files.ActivityFileException;
import app.stride.devices.files.FailureCode;
import app.stride.devices.sports.SportMapping;
import com.garmin.fit.ActivityMesg;
import com.garmin.fit.DateTime;
import com.garmin.fit.Decode;
import com.garmin.fit.DeviceInfoMesg;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.FitRuntimeException;
import com.garmin.fit.LapMesg;
import com.garmin.fit.Mesg;
import com.garmin.fit.MesgNum;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import com.garmin.fit.SportMesg;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a FIT activity file with the Garmin FIT SDK into an {@link ActivityData}. The first session
 * is the activity (a multisport file's later sessions are not imported); its records are the
 * samples, its laps the laps. Integrity (header, sizes, CRCs) is checked before decoding.
 */
public final class FitParser {
  private static final double DEGREES_PER_SEMICIRCLE = 180.0 / (1L << 31);
  private static final int MAX_OFFSET_SECONDS = 18 * 3600;

  private FitParser() {}

  /**
   * The activity of a whole FIT file.
   *
   * @throws ActivityFileException {@code truncated-file}, {@code corrupt-file}, {@code no-activity}
   *     or {@code implausible-activity}
   */
  public static ActivityData parse(byte[] bytes) throws ActivityFileException {
    Messages messages = new Messages();
    for (FitIntegrity.Part part : FitIntegrity.check(bytes)) {
      decode(bytes, part, messages);
    }
    return messages.toActivity();
  }

  private static void decode(byte[] bytes, FitIntegrity.Part part, Messages messages)
      throws ActivityFileException {
    try {
      Decode decode = new Decode();
      boolean complete =
          decode.read(
              new ByteArrayInputStream(bytes, part.offset(), part.length()), messages::accept);
      if (!complete) {
        throw new ActivityFileException(FailureCode.CORRUPT_FILE, "the FIT data did not decode");
      }
    } catch (FitRuntimeException e) {
      boolean eof = String.valueOf(e.getMessage()).contains("end of input");
      throw new ActivityFileException(
          eof ? FailureCode.TRUNCATED_FILE : FailureCode.CORRUPT_FILE,
          eof ? "the FIT data ends inside a message" : "the FIT data did not decode",
          e);
    }
  }

  /** The messages an activity is built from, collected while decoding. */
  private static final class Messages {
    final List<SessionMesg> sessions = new ArrayList<>();
    final List<LapMesg> laps = new ArrayList<>();
    final List<RecordMesg> records = new ArrayList<>();
    final List<DeviceInfoMesg> devices = new ArrayList<>();
    ActivityMesg activity;
    FileIdMesg fileId;
    SportMesg sport;

    void accept(Mesg mesg) {
      switch (mesg.getNum()) {
        case MesgNum.SESSION -> sessions.add(new SessionMesg(mesg));
        case MesgNum.LAP -> laps.add(new LapMesg(mesg));
        case MesgNum.RECORD -> records.add(new RecordMesg(mesg));
        case MesgNum.DEVICE_INFO -> devices.add(new DeviceInfoMesg(mesg));
        case MesgNum.ACTIVITY -> activity = activity == null ? new ActivityMesg(mesg) : activity;
        case MesgNum.FILE_ID -> fileId = fileId == null ? new FileIdMesg(mesg) : fileId;
        case MesgNum.SPORT -> sport = sport == null ? new SportMesg(mesg) : sport;
        default -> {
          // not part of the normalised activity
        }
      }
    }

    ActivityData toActivity() throws ActivityFileException {
      ActivityDraft draft = new ActivityDraft();
      SessionMesg session = sessions.isEmpty() ? null : sessions.get(0);
      if (session == null && records.isEmpty()) {
        throw new ActivityFileException(
            FailureCode.NO_ACTIVITY, "the FIT file has no session and no records");
      }
      Instant windowStart = null;
      Instant windowEnd = null;
      if (session != null) {
        readSession(session, draft);
        if (sessions.size() > 1 && draft.start != null && draft.elapsed != null) {
          windowStart = draft.start;
          windowEnd = draft.start.plus(draft.elapsed);
        }
      } else if (sport != null) {
        draft.sport = SportMapping.fromFit(name(sport.getSport()), name(sport.getSubSport()));
      }
      List<Sample> segment = draft.newSegment();
      for (RecordMesg record : records) {
        Sample sample = sample(record);
        if (sample != null && within(sample.time(), windowStart, windowEnd)) {
          segment.add(sample);
        }
      }
      for (LapMesg lap : laps) {
        Lap read = lap(lap);
        if (read != null && within(read.start(), windowStart, windowEnd)) {
          draft.laps.add(read);
        }
      }
      draft.utcOffset = offset();
      draft.device = FitDevices.name(fileId, devices);
      return draft.build();
    }

    private void readSession(SessionMesg s, ActivityDraft d) {
      d.sport = SportMapping.fromFit(name(s.getSport()), name(s.getSubSport()));
      d.start = instant(s.getStartTime());
      d.elapsed = seconds(s.getTotalElapsedTime());
      if (d.elapsed == null && d.start != null && s.getTimestamp() != null) {
        d.elapsed = Duration.between(d.start, instant(s.getTimestamp()));
      }
      Duration moving = seconds(s.getTotalMovingTime());
      d.moving = moving != null ? moving : seconds(s.getTotalTimerTime());
      d.distanceMeters = finite(s.getTotalDistance());
      d.elevationGainMeters = s.getTotalAscent() == null ? null : s.getTotalAscent().doubleValue();
      d.averageHeartRate = integer(s.getAvgHeartRate());
      d.maxHeartRate = integer(s.getMaxHeartRate());
      d.averageCadence = integer(s.getAvgCadence());
      d.averagePowerWatts = s.getAvgPower();
      d.maxPowerWatts = s.getMaxPower();
      d.averageSpeed = finite(first(s.getEnhancedAvgSpeed(), s.getAvgSpeed()));
      d.maxSpeed = finite(first(s.getEnhancedMaxSpeed(), s.getMaxSpeed()));
    }

    private ZoneOffset offset() {
      if (activity == null || activity.getLocalTimestamp() == null) {
        return null;
      }
      DateTime utc = activity.getTimestamp();
      if (utc == null || utc.getTimestamp() == null) {
        return null;
      }
      long seconds = activity.getLocalTimestamp() - utc.getTimestamp();
      long minutes = Math.round(seconds / 60.0);
      if (Math.abs(minutes * 60) > MAX_OFFSET_SECONDS) {
        return null;
      }
      return ZoneOffset.ofTotalSeconds((int) (minutes * 60));
    }
  }

  private static Sample sample(RecordMesg r) {
    Instant time = instant(r.getTimestamp());
    if (time == null) {
      return null;
    }
    Double lat = degrees(r.getPositionLat(), 90);
    Double lon = degrees(r.getPositionLong(), 180);
    if (lat == null || lon == null) {
      lat = null;
      lon = null;
    }
    return new Sample(
        time,
        lat,
        lon,
        finite(first(r.getEnhancedAltitude(), r.getAltitude())),
        integer(r.getHeartRate()),
        integer(r.getCadence()),
        r.getPower(),
        finite(first(r.getEnhancedSpeed(), r.getSpeed())),
        finite(r.getDistance()));
  }

  private static Lap lap(LapMesg l) {
    Instant start = instant(l.getStartTime());
    Duration elapsed = seconds(l.getTotalElapsedTime());
    if (start == null || elapsed == null) {
      return null;
    }
    return new Lap(start, elapsed, finite(l.getTotalDistance()));
  }

  private static boolean within(Instant time, Instant from, Instant to) {
    return from == null || (!time.isBefore(from) && !time.isAfter(to));
  }

  private static Double degrees(Integer semicircles, double bound) {
    if (semicircles == null) {
      return null;
    }
    double degrees = semicircles * DEGREES_PER_SEMICIRCLE;
    return Math.abs(degrees) <= bound ? degrees : null;
  }

  private static Instant instant(DateTime time) {
    if (time == null || time.getTimestamp() == null) {
      return null;
    }
    return time.getDate().toInstant();
  }

  private static Duration seconds(Float value) {
    if (value == null || !Float.isFinite(value)) {
      return null;
    }
    return Duration.ofMillis(Math.round(value * 1000.0));
  }

  private static Float first(Float preferred, Float fallback) {
    return preferred != null ? preferred : fallback;
  }

  private static Double finite(Float value) {
    return value == null || !Float.isFinite(value) ? null : value.doubleValue();
  }

  private static Integer integer(Short value) {
    return value == null ? null : value.intValue();
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
