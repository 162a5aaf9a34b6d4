package app.stride.planner.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A session of a plan, by its place in the template: {@code w03-s2} is the second session of the
 * third week. Stable for the life of a plan, whatever its pauses and moves.
 *
 * @param week the week, from 1
 * @param index the session within the template week, from 1
 */
public record SessionId(int week, int index) {
  private static final Pattern FORM = Pattern.compile("w(\\d{2})-s(\\d)");

  public SessionId {
    if (week < 1 || week > 99 || index < 1 || index > 9) {
      throw new IllegalArgumentException("session " + week + "/" + index + " is out of range");
    }
  }

  /** Parses {@code w03-s2}; empty when the text has another form. */
  public static java.util.Optional<SessionId> parse(String text) {
    Matcher m = text == null ? null : FORM.matcher(text);
    if (m == null || !m.matches() || Integer.parseInt(m.group(1)) < 1 || m.group(2).equals("0")) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new SessionId(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
  }

  /** The wire form, {@code w03-s2}. */
  public String value() {
    return String.format("w%02d-s%d", week, index);
  }

  @Override
  public String toString() {
    return value();
  }
}
