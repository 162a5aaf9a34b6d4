package app.stride.profiles.domain;

/** Who may see a user's activities. Private by default. */
public enum ActivityPrivacy {
  PUBLIC,
  FOLLOWERS,
  PRIVATE
}
