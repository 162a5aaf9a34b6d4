package app.stride.devices.webhook.strava;

import app.stride.core.json.Json;
import app.stride.devices.connection.Secret;
import app.stride.devices.domain.Provider;
import app.stride.devices.webhook.AbstractWebhookReceiver;
import app.stride.devices.webhook.IdempotencyKeys;
import app.stride.devices.webhook.NotificationKind;
import app.stride.devices.webhook.SecretKind;
import app.stride.devices.webhook.SeenSignatures;
import app.stride.devices.webhook.WebhookJson;
import app.stride.devices.webhook.WebhookNotification;
import app.stride.devices.webhook.WebhookOutcome;
import app.stride.devices.webhook.WebhookOutcome.Handshake;
import app.stride.devices.webhook.WebhookPolicy;
import app.stride.devices.webhook.WebhookProblem;
import app.stride.devices.webhook.WebhookRequest;
import app.stride.devices.webhook.WebhookSecrets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Strava. Subscription validation: {@code GET ?hub.mode=subscribe&hub.verify_token=..
 * &hub.challenge=..} is answered 200 {@code {"hub.challenge": ...}} only when the token equals ours
 * ({@link SecretKind#VERIFICATION_CODE}). Events are not signed: a POST is accepted only when its
 * {@code subscription_id} equals our subscription's and its {@code event_time} is inside the policy
 * window. {@code activity} create / update / delete become {@code activity-created} / {@code
 * -updated} / {@code -deleted}; {@code athlete} update with {@code updates.authorized = "false"}
 * becomes {@code deauthorized}. The worker then pulls the activity within {@link StravaRateBudget}.
 */
public final class StravaWebhookReceiver extends AbstractWebhookReceiver {
  private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9._~\\-]{1,255}");

  private final byte[] subscriptionId;

  /**
   * @param subscriptionId the id Strava gave our push subscription
   */
  public StravaWebhookReceiver(
      WebhookSecrets secrets, WebhookPolicy policy, SeenSignatures seen, long subscriptionId) {
    super(Provider.STRAVA, secrets, policy, seen);
    this.subscriptionId = Long.toString(subscriptionId).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected WebhookOutcome handshake(WebhookRequest request) {
    Optional<Secret> token = secret(SecretKind.VERIFICATION_CODE);
    if (token.isEmpty()) {
      return refuse(WebhookProblem.NOT_CONFIGURED);
    }
    Optional<String> mode = request.queryParameter("hub.mode");
    Optional<String> verifyToken = request.queryParameter("hub.verify_token");
    Optional<String> challenge = request.queryParameter("hub.challenge");
    if (!mode.map("subscribe"::equals).orElse(false)
        || verifyToken.isEmpty()
        || !token.get().matches(verifyToken.get())
        || challenge.isEmpty()
        || !CHALLENGE.matcher(challenge.get()).matches()) {
      return refuse(WebhookProblem.VERIFICATION_FAILED);
    }
    String body =
        new String(Json.toBytes(Map.of("hub.challenge", challenge.get())), StandardCharsets.UTF_8);
    return new Handshake(200, "application/json", body);
  }

  @Override
  protected WebhookOutcome notification(WebhookRequest request, Instant now) {
    Optional<JsonNode> json = WebhookJson.parse(request.body()).filter(JsonNode::isObject);
    if (json.isEmpty()) {
      return refuse(WebhookProblem.MALFORMED);
    }
    JsonNode event = json.get();
    Optional<String> subscription = WebhookJson.id(event, "subscription_id");
    if (subscription.isEmpty()) {
      return refuse(WebhookProblem.SIGNATURE_MISSING);
    }
    if (!MessageDigest.isEqual(
        subscriptionId, subscription.get().getBytes(StandardCharsets.UTF_8))) {
      return refuse(WebhookProblem.SIGNATURE_INVALID);
    }
    Optional<String> objectType = WebhookJson.text(event, "object_type");
    Optional<String> objectId = WebhookJson.id(event, "object_id");
    Optional<String> aspect = WebhookJson.text(event, "aspect_type");
    Optional<String> owner = WebhookJson.id(event, "owner_id");
    Optional<Long> eventTime = WebhookJson.number(event, "event_time");
    if (objectType.isEmpty()
        || objectId.isEmpty()
        || aspect.isEmpty()
        || owner.isEmpty()
        || eventTime.isEmpty()
        || Math.abs(eventTime.get()) > 100_000_000_000L) {
      return refuse(WebhookProblem.MALFORMED);
    }
    Instant at = Instant.ofEpochSecond(eventTime.get());
    if (!fresh(at, now)) {
      return refuse(WebhookProblem.STALE);
    }
    Optional<NotificationKind> kind = kind(objectType.get(), aspect.get(), event.get("updates"));
    if (kind.isEmpty()) {
      return accept(request, now, 200, List.of());
    }
    String key =
        IdempotencyKeys.of(
            Provider.STRAVA,
            objectType.get(),
            objectId.get(),
            aspect.get(),
            kind.get().wire(),
            Long.toString(eventTime.get()));
    WebhookNotification notification =
        WebhookNotification.of(Provider.STRAVA, owner.get(), kind.get(), key).withEventTime(at);
    if (objectType.get().equals("activity")) {
      notification = notification.withActivityId(objectId.get());
    }
    return accept(request, now, 200, List.of(notification));
  }

  private static Optional<NotificationKind> kind(
      String objectType, String aspect, JsonNode updates) {
    if (objectType.equals("activity")) {
      return switch (aspect) {
        case "create" -> Optional.of(NotificationKind.ACTIVITY_CREATED);
        case "update" -> Optional.of(NotificationKind.ACTIVITY_UPDATED);
        case "delete" -> Optional.of(NotificationKind.ACTIVITY_DELETED);
        default -> Optional.empty();
      };
    }
    if (objectType.equals("athlete") && aspect.equals("update") && revoked(updates)) {
      return Optional.of(NotificationKind.DEAUTHORIZED);
    }
    return Optional.empty();
  }

  private static boolean revoked(JsonNode updates) {
    JsonNode authorized = updates == null ? null : updates.get("authorized");
    if (authorized == null) {
      return false;
    }
    return (authorized.isString() && authorized.stringValue().equals("false"))
        || (authorized.isBoolean() && !authorized.booleanValue());
  }
}
