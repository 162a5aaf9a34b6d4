/**
 * Device webhooks: one {@link app.stride.devices.webhook.WebhookReceiver} per provider verifies the
 * provider's documented mechanism (HMAC signature, verification token, subscription id, trusted
 * callback host) on the raw request and turns it into provider-neutral {@link
 * app.stride.devices.webhook.WebhookNotification}s, each with an idempotency key. No I/O happens
 * here: the caller queues the notifications and answers with the outcome's status, well within the
 * provider's deadline. Secrets arrive through {@link app.stride.devices.webhook.WebhookSecrets} and
 * never appear in logs or exception messages. Per-provider details: {@code
 * docs/devices-webhooks.md}.
 */
package app.stride.devices.webhook;
