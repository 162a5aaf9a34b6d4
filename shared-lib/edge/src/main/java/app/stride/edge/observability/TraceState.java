package app.stride.edge.observability;

import java.util.ArrayList;
import java.util.List;

/**
 * Bounds the W3C {@code tracestate} list Stride passes on without reading it: at most {@value
 * #MAX_MEMBERS} members and {@value #MAX_LENGTH} characters (the length the specification asks
 * every vendor to propagate). Over the bound, members longer than {@value #LONG_MEMBER} characters
 * go first, then members from the end, as the specification orders. A value with a character
 * outside printable ASCII is dropped whole: it is not a tracestate and must not reach logs or other
 * services.
 */
final class TraceState {
  static final int MAX_LENGTH = 512;
  static final int MAX_MEMBERS = 32;
  static final int LONG_MEMBER = 128;

  private TraceState() {}

  /** The bounded list, or empty. */
  static String sanitize(String raw) {
    if (raw == null || raw.isBlank() || !printableAscii(raw)) {
      return "";
    }
    List<String> members = new ArrayList<>();
    for (String part : raw.split(",")) {
      String member = part.strip();
      if (member.indexOf('=') > 0) {
        members.add(member);
      }
    }
    while (members.size() > MAX_MEMBERS) {
      members.remove(members.size() - 1);
    }
    if (length(members) > MAX_LENGTH) {
      members.removeIf(m -> m.length() > LONG_MEMBER);
    }
    while (length(members) > MAX_LENGTH) {
      members.remove(members.size() - 1);
    }
    return String.join(",", members);
  }

  private static int length(List<String> members) {
    int total = Math.max(0, members.size() - 1);
    for (String member : members) {
      total += member.length();
    }
    return total;
  }

  private static boolean printableAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }
}
