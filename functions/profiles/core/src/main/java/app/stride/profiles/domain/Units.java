package app.stride.profiles.domain;

/** The units a user reads and enters values in. Stored values are always SI. */
public enum Units {
  METRIC,
  IMPERIAL
}
