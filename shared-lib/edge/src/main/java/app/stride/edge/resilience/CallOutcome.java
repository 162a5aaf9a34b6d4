package app.stride.edge.resilience;

/**
 * How one outbound call ended, as counted by {@value OutboundCalls#CALLS_METER} (tag {@code
 * outcome}).
 */
public enum CallOutcome {
  /** The dependency answered, including answers that say the request was wrong (4xx, conflicts). */
  SUCCESS("success"),
  /** The call failed in a way that counts against the dependency (5xx, I/O error, store error). */
  FAILURE("failure"),
  /** The dependency did not answer within the time limit (or the HTTP client's own timeout). */
  TIMEOUT("timeout"),
  /** Refused without calling: the breaker is open (or half-open with its trial calls taken). */
  REJECTED_OPEN("rejected-open"),
  /** Refused without calling: the bulkhead has no free slot. */
  REJECTED_BULKHEAD("rejected-bulkhead");

  private final String tag;

  CallOutcome(String tag) {
    this.tag = tag;
  }

  /** The value of the {@code outcome} metric tag. */
  public String tag() {
    return tag;
  }
}
