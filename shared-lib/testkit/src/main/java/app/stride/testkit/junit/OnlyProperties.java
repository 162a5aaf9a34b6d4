package app.stride.testkit.junit;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Runs a step with only some of a test's system properties set, then puts the others back: a test
 * that stands in system properties for a function's variables starts a function that infra gives
 * fewer variables than its siblings (a scheduled relay beside the HTTP function) with only those,
 * so a variable its start needs and infra does not give fails the test instead of passing on a
 * sibling's.
 */
public final class OnlyProperties {
  private OnlyProperties() {}

  /** A step that may throw. */
  @FunctionalInterface
  public interface Step<T> {
    T run() throws Exception;
  }

  /**
   * Runs {@code step} with every property of {@code all} not in {@code kept} cleared, and restores
   * them afterwards, also when the step throws.
   *
   * @throws IllegalArgumentException when {@code kept} names a property outside {@code all}
   */
  public static <T> T during(Collection<String> all, Set<String> kept, Step<T> step)
      throws Exception {
    if (!all.containsAll(kept)) {
      throw new IllegalArgumentException("kept properties must be among the test's: " + kept);
    }
    Map<String, String> cleared = new LinkedHashMap<>();
    for (String name : all) {
      if (!kept.contains(name)) {
        String value = System.getProperty(name);
        if (value != null) {
          cleared.put(name, value);
          System.clearProperty(name);
        }
      }
    }
    try {
      return step.run();
    } finally {
      cleared.forEach(System::setProperty);
    }
  }
}
