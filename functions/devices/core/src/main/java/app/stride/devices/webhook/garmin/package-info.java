/**
 * Garmin Health / Activity API push and ping notifications: unsigned, so checked by trusted
 * callback host, known user access token and (when sent) the client id header.
 */
package app.stride.devices.webhook.garmin;
