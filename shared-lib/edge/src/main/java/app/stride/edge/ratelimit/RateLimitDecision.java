package app.stride.edge.ratelimit;

import app.stride.core.problem.Problem;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link EdgeRateLimits#check}: admitted or refused, and the response headers that
 * say so. Both kinds carry {@code RateLimit-Policy} and {@code RateLimit}; a refusal adds {@code
 * Retry-After}.
 *
 * @param allowed whether the request may go on
 * @param routeClass the route class that applied
 * @param deciding the dimension of the most restrictive bucket: the refusing one that frees up
 *     last, or, when admitted, the one with the fewest tokens left; empty when no bucket applied (a
 *     class without an IP bucket, called anonymously)
 * @param retryAfter for a refusal, the whole seconds until every refusing bucket has a token again
 *     (rounded up, at least 1); zero when admitted
 * @param headers the response headers to add, most restrictive policy first
 */
public record RateLimitDecision(
    boolean allowed,
    String routeClass,
    Optional<Dimension> deciding,
    Duration retryAfter,
    Map<String, String> headers) {

  public RateLimitDecision {
    Objects.requireNonNull(routeClass, "routeClass");
    Objects.requireNonNull(deciding, "deciding");
    Objects.requireNonNull(retryAfter, "retryAfter");
    headers = Map.copyOf(headers);
  }

  /**
   * Throws the 429 problem when refused; returns this decision when admitted, so its {@link
   * #headers()} can go on the response.
   *
   * @throws ProblemException {@code rate-limited} (429) with {@code Retry-After}, {@code RateLimit}
   *     and {@code RateLimit-Policy}
   */
  public RateLimitDecision orThrow() {
    if (!allowed) {
      throw toProblem();
    }
    return this;
  }

  /** The 429 {@code rate-limited} problem of a refusal, carrying {@link #headers()}. */
  public ProblemException toProblem() {
    if (allowed) {
      throw new IllegalStateException("an admitted request has no problem");
    }
    Problem problem =
        Problem.of(
            ProblemType.RATE_LIMITED,
            "Too many requests. Try again in " + retryAfter.toSeconds() + " seconds.");
    return new ProblemException(problem, headers, null);
  }
}
