package app.stride.devices.webhook.suunto;

import app.stride.devices.connection.Secret;
import app.stride.devices.domain.Provider;
import app.stride.devices.webhook.AbstractWebhookReceiver;
import app.stride.devices.webhook.Hmac;
import app.stride.devices.webhook.IdempotencyKeys;
import app.stride.devices.webhook.NotificationKind;
import app.stride.devices.webhook.SecretKind;
import app.stride.devices.webhook.SeenSignatures;
import app.stride.devices.webhook.WebhookJson;
import app.stride.devices.webhook.WebhookNotification;
import app.stride.devices.webhook.WebhookOutcome;
import app.stride.devices.webhook.WebhookPolicy;
import app.stride.devices.webhook.WebhookProblem;
import app.stride.devices.webhook.WebhookRequest;
import app.stride.devices.webhook.WebhookSecrets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Suunto Cloud API: each notification carries {@code X-HMAC-SHA256-Signature}, the HMAC-SHA256 of
 * the raw body under the notification secret set in the app's settings ({@link
 * SecretKind#SIGNING_KEY}). The public page describing the check could not be read in full here;
 * the header name and the hex encoding come from independent integrations, and base64 is accepted
 * too (see {@code docs/devices-webhooks.md}). {@code WORKOUT_CREATED} becomes {@code
 * activity-created} with the workout key; other types (routes, 24/7 data) are acknowledged and not
 * queued. Suunto sends no send-time, so there is no staleness window: replays are caught by body.
 */
public final class SuuntoWebhookReceiver extends AbstractWebhookReceiver {
  /** The signature header. */
  public static final String SIGNATURE_HEADER = "X-HMAC-SHA256-Signature";

  public SuuntoWebhookReceiver(WebhookSecrets secrets, WebhookPolicy policy, SeenSignatures seen) {
    super(Provider.SUUNTO, secrets, policy, seen);
  }

  @Override
  protected WebhookOutcome notification(WebhookRequest request, Instant now) {
    Optional<Secret> key = secret(SecretKind.SIGNING_KEY);
    if (key.isEmpty()) {
      return refuse(WebhookProblem.NOT_CONFIGURED);
    }
    Optional<String> signature = request.header(SIGNATURE_HEADER);
    if (signature.isEmpty() || signature.get().isBlank()) {
      return refuse(WebhookProblem.SIGNATURE_MISSING);
    }
    byte[] expected = Hmac.mac(Hmac.SHA256, key.get().bytes(), request.body());
    if (!Hmac.matchesHex(expected, signature.get())
        && !Hmac.matchesBase64(expected, signature.get())) {
      return refuse(WebhookProblem.SIGNATURE_INVALID);
    }
    Optional<JsonNode> json = WebhookJson.parse(request.body()).filter(JsonNode::isObject);
    Optional<String> type = json.flatMap(j -> WebhookJson.text(j, "type"));
    Optional<String> username = json.flatMap(j -> WebhookJson.id(j, "username"));
    if (type.isEmpty() || username.isEmpty()) {
      return refuse(WebhookProblem.MALFORMED);
    }
    if (!type.get().equals("WORKOUT_CREATED")) {
      return accept(request, now, 200, List.of());
    }
    Optional<String> workoutKey = WebhookJson.id(json.get().get("workout"), "workoutKey");
    if (workoutKey.isEmpty()) {
      return refuse(WebhookProblem.MALFORMED);
    }
    String idempotencyKey =
        IdempotencyKeys.of(Provider.SUUNTO, type.get(), username.get(), workoutKey.get());
    WebhookNotification notification =
        WebhookNotification.of(
                Provider.SUUNTO, username.get(), NotificationKind.ACTIVITY_CREATED, idempotencyKey)
            .withActivityId(workoutKey.get());
    return accept(request, now, 200, List.of(notification));
  }
}
