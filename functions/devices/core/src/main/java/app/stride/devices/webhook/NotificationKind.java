package app.stride.devices.webhook;

/** What a provider notification says happened, in provider-neutral terms. */
public enum NotificationKind {
  /** A new activity (or its file) is available to fetch. */
  ACTIVITY_CREATED("activity-created"),
  /** An activity (or, for Google Health, a time window's exercises) changed: fetch it again. */
  ACTIVITY_UPDATED("activity-updated"),
  /** An activity was deleted at the provider. */
  ACTIVITY_DELETED("activity-deleted"),
  /** The user revoked our access at the provider: disconnect and drop their tokens. */
  DEAUTHORIZED("deauthorized"),
  /** The user changed the data permissions they grant us (Garmin). */
  PERMISSIONS_CHANGED("permissions-changed");

  private final String wire;

  NotificationKind(String wire) {
    this.wire = wire;
  }

  /** The wire name, e.g. {@code activity-created}. */
  public String wire() {
    return wire;
  }
}
