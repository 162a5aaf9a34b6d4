package app.stride.workouts.application.port.in;

import java.util.Set;

/**
 * The client's {@code If-Match} header, parsed (RFC 9110 §13.1.1).
 *
 * @param ifMatch the versions {@code If-Match} accepts; null when the header is absent or {@code *}
 */
public record Precondition(Set<Long> ifMatch) {
  /** No conditional header. */
  public static final Precondition NONE = new Precondition(null);

  public Precondition {
    ifMatch = ifMatch == null ? null : Set.copyOf(ifMatch);
  }

  /** Whether the client made the request conditional on a version. */
  public boolean isConditional() {
    return ifMatch != null;
  }
}
