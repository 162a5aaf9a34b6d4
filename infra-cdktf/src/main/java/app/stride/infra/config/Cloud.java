package app.stride.infra.config;

import java.util.Locale;

/** The cloud a region runs on; decides which stack class serves the region. */
public enum Cloud {
  AWS,
  GCP;

  /** Lower-case prefix used in stack names, e.g. {@code aws} in {@code aws-eu-central-1}. */
  public String prefix() {
    return name().toLowerCase(Locale.ROOT);
  }
}
