package app.stride.devices.application.service;

import java.util.function.Function;

/** Writes run as if their check after writing had passed: what they held is published. */
final class PassedChecks {
  private PassedChecks() {}

  /** Runs {@code write}, then publishes the events it held. */
  static <T> T released(Function<HeldEvents, T> write) {
    HeldEvents held = new HeldEvents();
    T written = write.apply(held);
    held.release();
    return written;
  }
}
