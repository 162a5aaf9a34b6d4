package app.stride.profiles.application.port.in;

import java.util.Set;

/**
 * The client's conditional-request headers, already parsed (RFC 9110 §13).
 *
 * @param ifMatch the versions {@code If-Match} accepts; null when the header is absent
 * @param ifMatchAny {@code If-Match: *}: any existing version
 * @param ifNoneMatchAny {@code If-None-Match: *}: only when nothing exists yet
 */
public record Precondition(Set<Long> ifMatch, boolean ifMatchAny, boolean ifNoneMatchAny) {
  /** No conditional headers. */
  public static final Precondition NONE = new Precondition(null, false, false);

  public Precondition {
    ifMatch = ifMatch == null ? null : Set.copyOf(ifMatch);
  }

  /** Whether the client made the request conditional on the current state. */
  public boolean isConditional() {
    return ifMatch != null || ifMatchAny || ifNoneMatchAny;
  }
}
