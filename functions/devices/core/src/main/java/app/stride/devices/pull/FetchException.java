package app.stride.devices.pull;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** A fetch that failed, with what the worker should do about it. */
public final class FetchException extends RuntimeException {
  /** What went wrong, as far as the worker's next step is concerned. */
  public enum Reason {
    /** The provider is down, slow or answered 5xx: retry later (the queue redelivers). */
    UNAVAILABLE,
    /**
     * The provider's rate limit (or our budget for it) is spent: retry after {@link #retryAfter}.
     */
    RATE_LIMITED,
    /** The token was refused (401): refresh it once, then ask the user to reconnect. */
    UNAUTHORIZED,
    /** The activity is gone or never existed (404, deleted): drop the notification. */
    NOT_FOUND,
    /** The provider's answer cannot be read as an activity: drop it, keep nothing partial. */
    REJECTED
  }

  private final Reason reason;
  private final Duration retryAfter;

  public FetchException(Reason reason, String message) {
    this(reason, message, null, null);
  }

  public FetchException(Reason reason, String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.retryAfter = retryAfter;
  }

  public Reason reason() {
    return reason;
  }

  /** How long to wait before trying again, when the provider said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
