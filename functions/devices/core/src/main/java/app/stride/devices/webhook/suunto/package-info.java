/** Suunto Cloud API webhooks: {@code X-HMAC-SHA256-Signature} of the body. */
package app.stride.devices.webhook.suunto;
