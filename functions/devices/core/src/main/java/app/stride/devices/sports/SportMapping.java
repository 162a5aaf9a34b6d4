package app.stride.devices.sports;

import static app.stride.devices.domain.Sport.CYCLING;
import static app.stride.devices.domain.Sport.HIKING;
import static app.stride.devices.domain.Sport.OTHER;
import static app.stride.devices.domain.Sport.ROWING;
import static app.stride.devices.domain.Sport.RUNNING;
import static app.stride.devices.domain.Sport.STRENGTH;
import static app.stride.devices.domain.Sport.SWIMMING;
import static app.stride.devices.domain.Sport.WALKING;
import static app.stride.devices.domain.Sport.YOGA;

import app.stride.devices.domain.Sport;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every source's sport codes mapped to {@link Sport}; anything not listed is {@link Sport#OTHER}.
 * Names are matched ignoring case, spaces, underscores and hyphens ({@code TRAIL_RUNNING}, {@code
 * trail running} and {@code TrailRunning} are one key). docs/devices-files.md has the tables,
 * including which entries rest on unofficial documentation.
 */
public final class SportMapping {

  private static final Map<String, Sport> FIT_SPORT =
      names(
          RUNNING,
          "running",
          CYCLING,
          "cycling e_biking",
          SWIMMING,
          "swimming",
          WALKING,
          "walking",
          HIKING,
          "hiking mountaineering",
          ROWING,
          "rowing");

  /** Sub-sports decide when the sport alone maps to OTHER (training, fitness_equipment, ...). */
  private static final Map<String, Sport> FIT_SUB_SPORT =
      names(
          RUNNING, "treadmill street trail track indoor_running ultra obstacle virtual_run",
          CYCLING,
              "spin indoor_cycling road mountain downhill recumbent cyclocross track_cycling"
                  + " gravel_cycling e_bike_fitness e_bike_mountain bmx",
          SWIMMING, "lap_swimming open_water",
          WALKING, "indoor_walking casual_walking speed_walking",
          ROWING, "indoor_rowing",
          YOGA, "yoga",
          STRENGTH, "strength_training");

  private static final Map<String, Sport> TCX = names(RUNNING, "running", CYCLING, "biking");

  /** Strava {@code sport_type} (and the older {@code type}). */
  private static final Map<String, Sport> STRAVA =
      names(
          RUNNING, "Run TrailRun VirtualRun",
          CYCLING,
              "Ride MountainBikeRide GravelRide EBikeRide EMountainBikeRide VirtualRide"
                  + " Velomobile",
          SWIMMING, "Swim",
          WALKING, "Walk",
          HIKING, "Hike",
          YOGA, "Yoga",
          STRENGTH, "WeightTraining Crossfit",
          ROWING, "Rowing VirtualRow");

  /** Garmin Health API / Garmin Connect {@code activityType} keys (also Garmin GPX types). */
  private static final Map<String, Sport> GARMIN =
      names(
          RUNNING,
              "RUNNING INDOOR_RUNNING OBSTACLE_RUN STREET_RUNNING TRACK_RUNNING TRAIL_RUNNING"
                  + " TREADMILL_RUNNING ULTRA_RUN VIRTUAL_RUN",
          CYCLING,
              "CYCLING BMX CYCLOCROSS DOWNHILL_BIKING E_BIKE_FITNESS E_BIKE_MOUNTAIN"
                  + " GRAVEL_CYCLING INDOOR_CYCLING MOUNTAIN_BIKING RECUMBENT_CYCLING ROAD_BIKING"
                  + " TRACK_CYCLING VIRTUAL_RIDE",
          SWIMMING, "SWIMMING LAP_SWIMMING OPEN_WATER_SWIMMING",
          WALKING, "WALKING CASUAL_WALKING SPEED_WALKING",
          HIKING, "HIKING MOUNTAINEERING",
          YOGA, "YOGA",
          STRENGTH, "STRENGTH_TRAINING",
          ROWING, "ROWING INDOOR_ROWING");

  /** Polar AccessLink {@code detailed-sport-info}, then {@code sport}. */
  private static final Map<String, Sport> POLAR =
      names(
          RUNNING,
              "RUNNING ROAD_RUNNING TRAIL_RUNNING TREADMILL_RUNNING TRACK_AND_FIELD_RUNNING"
                  + " ULTRARUNNING_RUNNING",
          CYCLING, "CYCLING ROAD_BIKING MOUNTAIN_BIKING INDOOR_CYCLING",
          SWIMMING, "SWIMMING POOL_SWIMMING OPEN_WATER_SWIMMING AQUATICS_SWIMMING",
          WALKING, "WALKING NORDIC_WALKING",
          HIKING, "HIKING MOUNTAINEERING",
          YOGA, "YOGA",
          STRENGTH, "STRENGTH_TRAINING",
          ROWING, "ROWING INDOOR_ROWING");

  /** Suunto activity names (the app's and the FIT export's). */
  private static final Map<String, Sport> SUUNTO_NAMES =
      names(
          RUNNING, "Running TrailRunning Treadmill",
          CYCLING, "Cycling MountainBiking IndoorCycling GravelCycling",
          SWIMMING, "Swimming PoolSwimming OpenwaterSwimming",
          WALKING, "Walking NordicWalking",
          HIKING, "Hiking Mountaineering",
          YOGA, "Yoga",
          STRENGTH, "Gym WeightTraining",
          ROWING, "Rowing IndoorRowing");

  /** Suunto activity ids (0-3 from Suunto's API docs; the rest from the app's list, uncertain). */
  private static final Map<Integer, Sport> SUUNTO_IDS =
      ids(
          WALKING, List.of(0, 24),
          RUNNING, List.of(1, 22),
          CYCLING, List.of(2, 10, 52),
          HIKING, List.of(11),
          ROWING, List.of(15),
          SWIMMING, List.of(21, 83),
          STRENGTH, List.of(23));

  /**
   * Google Health API {@code Exercise.ExerciseType} (Fitbit): the v4 values, plus {@code
   * BACKPACKING} of the longer v4beta list; PILATES, WORKOUT, HIIT and OTHER are OTHER.
   */
  private static final Map<String, Sport> GOOGLE_HEALTH =
      names(
          RUNNING, "RUNNING",
          WALKING, "WALKING",
          CYCLING, "BIKING",
          SWIMMING, "SWIMMING",
          HIKING, "HIKING BACKPACKING",
          YOGA, "YOGA",
          STRENGTH, "WEIGHTLIFTING STRENGTH_TRAINING");

  /** Wahoo Cloud API {@code workout_type_id}. */
  private static final Map<Integer, Sport> WAHOO =
      ids(
          CYCLING, List.of(0, 11, 12, 13, 14, 15, 16, 21, 49, 61),
          RUNNING, List.of(1, 3, 4, 5, 19),
          WALKING, List.of(6, 7, 8, 56),
          HIKING, List.of(9, 10),
          ROWING, List.of(22, 39),
          SWIMMING, List.of(24, 25, 26));

  /** COROS Open API {@code mode}; uncertain, see the docs. */
  private static final Map<Integer, Sport> COROS_MODE =
      ids(
          RUNNING, List.of(8, 15, 20),
          CYCLING, List.of(9),
          SWIMMING, List.of(10),
          HIKING, List.of(14, 16),
          WALKING, List.of(31));

  /** HealthKit {@code HKWorkoutActivityType} names, without the prefix. */
  private static final Map<String, Sport> HEALTHKIT =
      names(
          RUNNING, "Running",
          CYCLING, "Cycling HandCycling",
          SWIMMING, "Swimming",
          WALKING, "Walking",
          HIKING, "Hiking",
          YOGA, "Yoga",
          STRENGTH, "TraditionalStrengthTraining FunctionalStrengthTraining",
          ROWING, "Rowing");

  /** HealthKit {@code HKWorkoutActivityType} raw values. */
  private static final Map<Integer, Sport> HEALTHKIT_IDS =
      ids(
          RUNNING, List.of(37),
          CYCLING, List.of(13, 74),
          SWIMMING, List.of(46),
          WALKING, List.of(52),
          HIKING, List.of(24),
          YOGA, List.of(57),
          STRENGTH, List.of(20, 50),
          ROWING, List.of(35));

  /** Health Connect {@code ExerciseSessionRecord.EXERCISE_TYPE_*} names, without the prefix. */
  private static final Map<String, Sport> HEALTH_CONNECT =
      names(
          RUNNING, "RUNNING RUNNING_TREADMILL",
          CYCLING, "BIKING BIKING_STATIONARY",
          SWIMMING, "SWIMMING_OPEN_WATER SWIMMING_POOL",
          WALKING, "WALKING",
          HIKING, "HIKING",
          YOGA, "YOGA",
          STRENGTH, "STRENGTH_TRAINING WEIGHTLIFTING CALISTHENICS",
          ROWING, "ROWING ROWING_MACHINE");

  /** Health Connect {@code EXERCISE_TYPE_*} values. */
  private static final Map<Integer, Sport> HEALTH_CONNECT_IDS =
      ids(
          RUNNING, List.of(56, 57),
          CYCLING, List.of(8, 9),
          SWIMMING, List.of(73, 74),
          WALKING, List.of(79),
          HIKING, List.of(37),
          YOGA, List.of(83),
          STRENGTH, List.of(13, 70, 81),
          ROWING, List.of(53, 54));

  /** Words that name one sport inside a free-text type (GPX {@code <type>}, unknown codes). */
  private static final Map<String, Sport> KEYWORDS =
      names(
          RUNNING, "run running jog jogging",
          CYCLING, "ride riding cycling biking bike cycle",
          SWIMMING, "swim swimming",
          WALKING, "walk walking",
          HIKING, "hike hiking",
          YOGA, "yoga",
          STRENGTH, "strength weights weighttraining",
          ROWING, "row rowing");

  /** Strava's numeric activity types as some GPX exports write them (uncertain). */
  private static final Map<Integer, Sport> STRAVA_GPX_IDS =
      ids(CYCLING, List.of(1), RUNNING, List.of(9), WALKING, List.of(10), HIKING, List.of(4));

  private SportMapping() {}

  /** A FIT {@code sport} and {@code sub_sport} by their SDK enum names (e.g. {@code RUNNING}). */
  public static Sport fromFit(String sport, String subSport) {
    Sport bySport = lookup(FIT_SPORT, sport);
    if (bySport != OTHER) {
      return bySport;
    }
    return lookup(FIT_SUB_SPORT, subSport);
  }

  /**
   * A GPX {@code <type>}: the common names, then Strava and Garmin names, Strava's numeric types,
   * then a single sport word inside the text (e.g. {@code Morning trail running}).
   */
  public static Sport fromGpxType(String type) {
    if (type == null || type.isBlank()) {
      return OTHER;
    }
    for (Map<String, Sport> table : List.of(KEYWORDS, STRAVA, GARMIN)) {
      Sport sport = lookup(table, type);
      if (sport != OTHER) {
        return sport;
      }
    }
    String trimmed = type.strip();
    if (trimmed.matches("\\d{1,3}")) {
      return STRAVA_GPX_IDS.getOrDefault(Integer.parseInt(trimmed), OTHER);
    }
    return byKeyword(type);
  }

  /** A TCX {@code Activity Sport} attribute: {@code Running}, {@code Biking} or {@code Other}. */
  public static Sport fromTcx(String sport) {
    return lookup(TCX, sport);
  }

  /** A Strava {@code sport_type} (or legacy {@code type}), e.g. {@code TrailRun}. */
  public static Sport fromStrava(String sportType) {
    return lookup(STRAVA, sportType);
  }

  /** A Garmin Health API {@code activityType}, e.g. {@code ROAD_BIKING}. */
  public static Sport fromGarmin(String activityType) {
    Sport sport = lookup(GARMIN, activityType);
    return sport != OTHER ? sport : byKeyword(activityType);
  }

  /** A Polar AccessLink exercise: {@code detailed-sport-info} first, then {@code sport}. */
  public static Sport fromPolar(String sport, String detailedSportInfo) {
    Sport detailed = lookup(POLAR, detailedSportInfo);
    if (detailed != OTHER) {
      return detailed;
    }
    Sport general = lookup(POLAR, sport);
    return general != OTHER ? general : byKeyword(detailedSportInfo);
  }

  /** A Suunto activity id. */
  public static Sport fromSuuntoId(int activityId) {
    return SUUNTO_IDS.getOrDefault(activityId, OTHER);
  }

  /** A Suunto activity name, e.g. {@code TrailRunning}. */
  public static Sport fromSuuntoName(String name) {
    Sport sport = lookup(SUUNTO_NAMES, name);
    return sport != OTHER ? sport : byKeyword(name);
  }

  /**
   * A Google Health API exercise type (Fitbit), e.g. {@code BIKING}. The enum "may receive new
   * values": one not listed is read by its words ({@code MOUNTAIN_BIKING} is cycling).
   */
  public static Sport fromGoogleHealth(String exerciseType) {
    Sport sport = lookup(GOOGLE_HEALTH, exerciseType);
    return sport != OTHER ? sport : byKeyword(exerciseType);
  }

  /** A Wahoo {@code workout_type_id}. */
  public static Sport fromWahoo(int workoutTypeId) {
    return WAHOO.getOrDefault(workoutTypeId, OTHER);
  }

  /** A COROS {@code mode} and {@code subMode}; subMode only refines within the mode. */
  public static Sport fromCoros(int mode, int subMode) {
    return COROS_MODE.getOrDefault(mode, OTHER);
  }

  /**
   * A HealthKit workout activity type by name, with or without the {@code HKWorkoutActivityType}
   * prefix (e.g. {@code HKWorkoutActivityTypeRunning}, {@code running}).
   */
  public static Sport fromHealthKit(String activityType) {
    if (activityType == null) {
      return OTHER;
    }
    String name = activityType.strip();
    if (name.startsWith("HKWorkoutActivityType")) {
      name = name.substring("HKWorkoutActivityType".length());
    }
    return lookup(HEALTHKIT, name);
  }

  /** A HealthKit workout activity type by raw value (e.g. 37, running). */
  public static Sport fromHealthKit(int rawValue) {
    return HEALTHKIT_IDS.getOrDefault(rawValue, OTHER);
  }

  /** A Health Connect exercise type by name, with or without the {@code EXERCISE_TYPE_} prefix. */
  public static Sport fromHealthConnect(String exerciseType) {
    if (exerciseType == null) {
      return OTHER;
    }
    String name = exerciseType.strip();
    if (name.startsWith("EXERCISE_TYPE_")) {
      name = name.substring("EXERCISE_TYPE_".length());
    }
    return lookup(HEALTH_CONNECT, name);
  }

  /** A Health Connect exercise type by value (e.g. 56, running). */
  public static Sport fromHealthConnect(int exerciseType) {
    return HEALTH_CONNECT_IDS.getOrDefault(exerciseType, OTHER);
  }

  /** The one sport named by the words of {@code text}, or OTHER when none or several are. */
  static Sport byKeyword(String text) {
    if (text == null) {
      return OTHER;
    }
    String spaced = text.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    Set<Sport> found = EnumSet.noneOf(Sport.class);
    for (String word : spaced.split("[^a-z]+")) {
      Sport sport = KEYWORDS.get(word);
      if (sport != null) {
        found.add(sport);
      }
    }
    return found.size() == 1 ? found.iterator().next() : OTHER;
  }

  private static Sport lookup(Map<String, Sport> table, String name) {
    return name == null ? OTHER : table.getOrDefault(key(name), OTHER);
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", "");
  }

  private static Map<String, Sport> names(Object... sportThenNames) {
    Map<String, Sport> table = new HashMap<>();
    for (int i = 0; i < sportThenNames.length; i += 2) {
      Sport sport = (Sport) sportThenNames[i];
      for (String name : ((String) sportThenNames[i + 1]).split(" ")) {
        table.put(key(name), sport);
      }
    }
    return Map.copyOf(table);
  }

  @SuppressWarnings("unchecked")
  private static Map<Integer, Sport> ids(Object... sportThenIds) {
    Map<Integer, Sport> table = new HashMap<>();
    for (int i = 0; i < sportThenIds.length; i += 2) {
      for (Integer id : (List<Integer>) sportThenIds[i + 1]) {
        table.put(id, (Sport) sportThenIds[i]);
      }
    }
    return Map.copyOf(table);
  }
}
