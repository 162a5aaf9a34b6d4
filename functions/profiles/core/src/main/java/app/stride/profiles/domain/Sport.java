package app.stride.profiles.domain;

/** The sports a user practises. */
public enum Sport {
  RUNNING,
  CYCLING,
  SWIMMING,
  WALKING,
  HIKING,
  YOGA,
  STRENGTH,
  OTHER
}
