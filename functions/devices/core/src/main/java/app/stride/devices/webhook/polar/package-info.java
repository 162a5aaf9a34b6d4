/** Polar AccessLink webhooks: {@code Polar-Webhook-Signature}, HMAC-SHA256 of the body. */
package app.stride.devices.webhook.polar;
