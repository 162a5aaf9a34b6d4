package app.stride.planner.domain;

import java.util.Locale;

/**
 * How hard a session is: a range of pace zones (1 recovery to 5 VO2max) or of perceived exertion
 * (RPE 1 to 10).
 *
 * @param scale the scale
 * @param min the easiest end
 * @param max the hardest end, at least {@code min}
 */
public record Intensity(Scale scale, int min, int max) {
  /** The scales, with their bounds. */
  public enum Scale {
    PACE_ZONE(5),
    RPE(10);

    private final int top;

    Scale(int top) {
      this.top = top;
    }

    /** The wire name, e.g. {@code pace-zone}. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The scale of a wire name. */
    public static Scale fromWire(String name) {
      for (Scale s : values()) {
        if (s.wireName().equals(name)) {
          return s;
        }
      }
      throw new IllegalArgumentException("unknown intensity scale " + name);
    }
  }

  public Intensity {
    if (scale == null || min < 1 || max > scale.top || min > max) {
      throw new IllegalArgumentException("intensity " + scale + " " + min + "-" + max);
    }
  }
}
