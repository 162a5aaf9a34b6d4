package app.stride.planner.ical;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tiny reader of iCalendar text for tests: unfolds lines and unescapes TEXT values. */
final class ICalLines {
  private ICalLines() {}

  /** The logical content lines: physical lines split at CRLF, continuations joined. */
  static List<String> unfold(String text) {
    List<String> lines = new ArrayList<>();
    for (String physical : text.split("\r\n", -1)) {
      if (physical.startsWith(" ") || physical.startsWith("\t")) {
        int last = lines.size() - 1;
        lines.set(last, lines.get(last) + physical.substring(1));
      } else if (!physical.isEmpty()) {
        lines.add(physical);
      }
    }
    return lines;
  }

  /** A TEXT value unescaped. */
  static String unescape(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        char next = value.charAt(++i);
        out.append(next == 'n' || next == 'N' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The events of a calendar, each as its property names (with parameters) mapped to raw values.
   */
  static List<Map<String, String>> events(String text) {
    List<Map<String, String>> events = new ArrayList<>();
    Map<String, String> current = null;
    for (String line : unfold(text)) {
      if (line.equals("BEGIN:VEVENT")) {
        current = new LinkedHashMap<>();
      } else if (line.equals("END:VEVENT")) {
        events.add(current);
        current = null;
      } else if (current != null) {
        int colon = line.indexOf(':');
        current.put(line.substring(0, colon), line.substring(colon + 1));
      }
    }
    return events;
  }
}
