package app.stride.edge.resilience;

import app.stride.core.config.Env;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the {@code STRIDE_OUTBOUND_<DEPENDENCY>_<SETTING>} variables of one dependency ({@code
 * <DEPENDENCY>} is its name upper-cased, dashes as underscores: {@code dynamodb} → {@code
 * STRIDE_OUTBOUND_DYNAMODB_CALL_TIMEOUT_MS}). A value that is not a number fails at start-up,
 * naming the variable.
 */
final class PolicyEnvironment {
  static final String PREFIX = "STRIDE_OUTBOUND_";

  private final Env env;
  private final String prefix;

  PolicyEnvironment(Env env, String dependency) {
    this.env = env;
    this.prefix = PREFIX + dependency.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
  }

  /** The full variable name of {@code setting}. */
  String variable(String setting) {
    return prefix + setting;
  }

  Optional<Duration> millis(String setting) {
    return number(setting).map(Duration::ofMillis);
  }

  Optional<Duration> seconds(String setting) {
    return number(setting).map(Duration::ofSeconds);
  }

  Optional<Integer> integer(String setting) {
    return number(setting).map(Math::toIntExact);
  }

  Optional<Float> percent(String setting) {
    String name = variable(setting);
    return env.optional(name)
        .map(
            value -> {
              try {
                return Float.parseFloat(value.trim());
              } catch (NumberFormatException e) {
                throw new IllegalStateException(name + " must be a number, not " + value, e);
              }
            });
  }

  private Optional<Long> number(String setting) {
    String name = variable(setting);
    return env.optional(name)
        .map(
            value -> {
              try {
                return Long.parseLong(value.trim());
              } catch (NumberFormatException e) {
                throw new IllegalStateException(name + " must be a whole number, not " + value, e);
              }
            });
  }
}
