/** Wahoo Cloud API webhooks: {@code webhook_token} in the body, FIT file URL on Wahoo's CDN. */
package app.stride.devices.webhook.wahoo;
