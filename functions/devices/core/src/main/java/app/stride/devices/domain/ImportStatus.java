package app.stride.devices.domain;

import java.util.Locale;

/** Where an import stands: {@code processing}, then {@code done} or {@code failed}. */
public enum ImportStatus {
  PROCESSING,
  DONE,
  FAILED;

  /** The wire name. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
