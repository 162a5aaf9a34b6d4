/** Fitbit / Google Health subscriber: {@code verify} handshake and {@code X-Fitbit-Signature}. */
package app.stride.devices.webhook.fitbit;
