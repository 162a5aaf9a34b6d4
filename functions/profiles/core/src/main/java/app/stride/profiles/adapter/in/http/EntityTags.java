package app.stride.profiles.adapter.in.http;

import app.stride.profiles.application.port.in.Precondition;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Parses {@code If-Match} and {@code If-None-Match} (RFC 9110 §13.1). Profile ETags are strong tags
 * of the version number, {@code "7"}. A weak or unparseable tag in {@code If-Match} matches
 * nothing, so the request fails with 412 rather than overwriting blindly.
 */
final class EntityTags {
  private EntityTags() {}

  static Precondition parse(Optional<String> ifMatch, Optional<String> ifNoneMatch) {
    boolean noneMatchAny = ifNoneMatch.map(v -> v.trim().equals("*")).orElse(false);
    if (ifMatch.isEmpty()) {
      return new Precondition(null, false, noneMatchAny);
    }
    String value = ifMatch.get().trim();
    if (value.equals("*")) {
      return new Precondition(null, true, noneMatchAny);
    }
    Set<Long> versions = new HashSet<>();
    for (String tag : value.split(",")) {
      parseStrong(tag.trim()).ifPresent(versions::add);
    }
    return new Precondition(versions, false, noneMatchAny);
  }

  private static Optional<Long> parseStrong(String tag) {
    if (tag.length() < 3 || tag.charAt(0) != '"' || tag.charAt(tag.length() - 1) != '"') {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(tag.substring(1, tag.length() - 1)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
