package app.stride.devices.webhook;

/** The kinds of per-provider secret (or key) a webhook receiver may need. */
public enum SecretKind {
  /** The key the provider signs bodies with (Polar's signature secret, Suunto's secret). */
  SIGNING_KEY,
  /** A value the provider echoes in a handshake (Strava's verify token). */
  VERIFICATION_CODE,
  /**
   * A token the provider sends with every notification (Wahoo, COROS; for Google Health the whole
   * {@code Authorization} header value registered as the subscriber's endpoint secret).
   */
  WEBHOOK_TOKEN,
  /** The OAuth client id, where the provider sends it with every notification (COROS, Garmin). */
  CLIENT_ID,
  /**
   * The provider's public key(s) its notification signatures verify under (Google Health's ECDSA
   * P-256 key): not secret, but configured through the same channel.
   */
  PUBLIC_KEY
}
