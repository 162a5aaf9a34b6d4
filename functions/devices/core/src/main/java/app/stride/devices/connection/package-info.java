/**
 * Connections to device providers: the OAuth 2.0 authorization-code flow as logic (the authorize
 * URL with a {@code state} bound to the user and PKCE where the provider supports it), token
 * exchange and refresh through {@link app.stride.devices.connection.OAuthClient}, the rule of
 * refreshing before expiry, and {@link app.stride.devices.connection.TokenCipher} for encrypting
 * tokens at rest. Provider endpoints live in {@link app.stride.devices.connection.ProviderCatalog}.
 * No HTTP server here; tokens and secrets never reach a log line or an exception message.
 */
package app.stride.devices.connection;
