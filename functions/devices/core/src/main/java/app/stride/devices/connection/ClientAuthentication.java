package app.stride.devices.connection;

/** How a provider's token endpoint wants the client to authenticate. */
public enum ClientAuthentication {
  /** {@code Authorization: Basic base64(client_id:client_secret)} (RFC 6749 §2.3.1). */
  BASIC,
  /** {@code client_id} and {@code client_secret} as form parameters. */
  BODY
}
