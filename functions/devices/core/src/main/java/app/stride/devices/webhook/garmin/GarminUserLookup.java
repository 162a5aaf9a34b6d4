package app.stride.devices.webhook.garmin;

/**
 * Whether a Garmin user and access token belong to one of our connections. Backed by the connection
 * store (the token is compared against the stored one, in constant time, by the implementation).
 */
@FunctionalInterface
public interface GarminUserLookup {
  /**
   * @param garminUserId Garmin's user id from the notification
   * @param userAccessToken the user access token from the notification
   * @return whether we hold a connection for exactly this user and token
   */
  boolean isKnown(String garminUserId, String userAccessToken);
}
