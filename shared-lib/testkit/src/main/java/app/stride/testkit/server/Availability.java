package app.stride.testkit.server;

import java.util.Objects;

/** Whether a server can run on this machine, and if not, a human reason saying what is missing. */
public final class Availability {

  private static final Availability PRESENT = new Availability(true, "present");

  private final boolean present;
  private final String reason;

  private Availability(boolean present, String reason) {
    this.present = present;
    this.reason = Objects.requireNonNull(reason);
  }

  /** The server can run here. */
  public static Availability present() {
    return PRESENT;
  }

  /** The server cannot run here, because of {@code reason} (what is missing and how to fix it). */
  public static Availability missing(String reason) {
    return new Availability(false, reason);
  }

  /** True when the server can run here. */
  public boolean isPresent() {
    return present;
  }

  /** {@code "present"}, or what is missing and how to fix it. */
  public String reason() {
    return reason;
  }

  @Override
  public String toString() {
    return reason;
  }
}
