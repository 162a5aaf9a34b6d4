package app.stride.core.config;

import java.util.Map;
import java.util.Optional;

/** Typed reads of the environment variables infrastructure sets for a function. */
public final class Env {
  private final Map<String, String> values;

  public Env(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /**
   * The process environment merged with system properties of the same names (tests, local runs).
   */
  public static Env system() {
    java.util.HashMap<String, String> merged = new java.util.HashMap<>(System.getenv());
    System.getProperties()
        .forEach(
            (k, v) -> {
              if (k.toString().startsWith("STRIDE_")) {
                merged.put(k.toString(), v.toString());
              }
            });
    return new Env(merged);
  }

  /** A value that must be present and non-blank. */
  public String require(String name) {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("missing configuration " + name);
    }
    return value;
  }

  /** A value that may be absent. */
  public Optional<String> optional(String name) {
    return Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
  }

  /** A boolean flag, false unless set to {@code true}. */
  public boolean flag(String name) {
    return Boolean.parseBoolean(values.getOrDefault(name, "false"));
  }

  /** The raw map, for handing to catalog readers. */
  public Map<String, String> asMap() {
    return values;
  }
}
