/**
 * Fitbit through the Google Health API: the subscriber's {@code Authorization} secret (verification
 * handshake and every notification) and, when a key is configured, the {@code
 * X-HEALTHAPI-SIGNATURE} ECDSA P-256 signature.
 */
package app.stride.devices.webhook.fitbit;
