package app.stride.devices.webhook;

/** The kinds of per-provider secret a webhook receiver may need. */
public enum SecretKind {
  /** The key the provider signs bodies with (Polar's signature secret, Suunto's secret). */
  SIGNING_KEY,
  /** The OAuth client secret (Fitbit signs with {@code <client_secret>&}). */
  CLIENT_SECRET,
  /** A value the provider echoes in a handshake (Fitbit's verification code, Strava's token). */
  VERIFICATION_CODE,
  /** A token the provider sends with every notification (Wahoo, COROS). */
  WEBHOOK_TOKEN,
  /** The OAuth client id, where the provider sends it with every notification (COROS, Garmin). */
  CLIENT_ID
}
