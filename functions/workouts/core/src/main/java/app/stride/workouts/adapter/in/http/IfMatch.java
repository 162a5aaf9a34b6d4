package app.stride.workouts.adapter.in.http;

import app.stride.workouts.application.port.in.Precondition;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Parses {@code If-Match} (RFC 9110 §13.1.1). Workout ETags are strong tags of the version number,
 * {@code "3"}; {@code *} matches any existing workout. A weak or unparseable tag matches nothing,
 * so the request fails with 412 rather than overwriting blindly.
 */
final class IfMatch {
  private IfMatch() {}

  static Precondition parse(Optional<String> header) {
    if (header.isEmpty() || header.get().trim().equals("*")) {
      return Precondition.NONE;
    }
    Set<Long> versions = new HashSet<>();
    for (String tag : header.get().split(",")) {
      String t = tag.trim();
      if (t.length() >= 3 && t.startsWith("\"") && t.endsWith("\"")) {
        try {
          versions.add(Long.parseLong(t.substring(1, t.length() - 1)));
        } catch (NumberFormatException e) {
          // not one of ours: matches nothing
        }
      }
    }
    return new Precondition(versions);
  }
}
