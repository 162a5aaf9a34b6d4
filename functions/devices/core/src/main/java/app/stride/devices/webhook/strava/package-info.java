/**
 * Strava webhooks (subscription handshake with {@code hub.challenge}, unsigned events checked by
 * subscription id and event time) and the rate budget that paces the pulls they trigger.
 */
package app.stride.devices.webhook.strava;
