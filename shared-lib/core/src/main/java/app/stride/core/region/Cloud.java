package app.stride.core.region;

/** The cloud provider that hosts a region. */
public enum Cloud {
  AWS,
  GCP;

  /** The lower-case id used in configuration and in the health report. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
