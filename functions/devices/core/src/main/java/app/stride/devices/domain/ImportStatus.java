package app.stride.devices.domain;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where an import stands: {@code awaiting-upload} (announced, the client has yet to put the file in
 * the bucket), {@code processing}, then {@code done} or {@code failed}.
 */
public enum ImportStatus {
  AWAITING_UPLOAD,
  PROCESSING,
  DONE,
  FAILED;

  /** The wire name, e.g. {@code awaiting-upload}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether the import has its outcome (done or failed); a final status never changes. */
  public boolean isFinal() {
    return this == DONE || this == FAILED;
  }

  /**
   * The status of a wire name; {@code awaiting_upload} is read too.
   *
   * @throws IllegalArgumentException for any other value
   */
  public static ImportStatus fromWire(String wire) {
    return Arrays.stream(values())
        .filter(s -> s.wire().equals(wire) || s.name().equalsIgnoreCase(wire))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown import status " + wire));
  }
}
