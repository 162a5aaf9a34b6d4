/**
 * COROS workout push: authenticated by client id and a shared secret in headers (the public
 * documentation does not describe COROS's mechanism; see {@code docs/devices-webhooks.md}).
 */
package app.stride.devices.webhook.coros;
