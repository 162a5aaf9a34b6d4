package app.stride.devices.webhook.polar;

import app.stride.devices.connection.Secret;
import app.stride.devices.domain.Provider;
import app.stride.devices.webhook.AbstractWebhookReceiver;
import app.stride.devices.webhook.Hmac;
import app.stride.devices.webhook.IdempotencyKeys;
import app.stride.devices.webhook.NotificationKind;
import app.stride.devices.webhook.SecretKind;
import app.stride.devices.webhook.SeenSignatures;
import app.stride.devices.webhook.TrustedUrls;
import app.stride.devices.webhook.WebhookJson;
import app.stride.devices.webhook.WebhookNotification;
import app.stride.devices.webhook.WebhookOutcome;
import app.stride.devices.webhook.WebhookOutcome.Handshake;
import app.stride.devices.webhook.WebhookPolicy;
import app.stride.devices.webhook.WebhookProblem;
import app.stride.devices.webhook.WebhookRequest;
import app.stride.devices.webhook.WebhookSecrets;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Polar AccessLink: every POST (the {@code PING} sent when the webhook is created, and each event)
 * carries {@code Polar-Webhook-Signature}, the hex HMAC-SHA256 of the raw body under the webhook's
 * {@code signature_secret_key} ({@link SecretKind#SIGNING_KEY}). The body's {@code timestamp} (when
 * Polar sent it) must be inside the policy window. {@code EXERCISE} becomes {@code
 * activity-created} with the exercise id and its AccessLink URL; other event types are acknowledged
 * and not queued. A {@code PING} is answered 200 whatever its signature: Polar sends it while the
 * webhook is being created, before the response that reveals the signature key has reached us, and
 * it queues nothing, so answering it gives an attacker nothing.
 */
public final class PolarWebhookReceiver extends AbstractWebhookReceiver {
  /** The signature header. */
  public static final String SIGNATURE_HEADER = "Polar-Webhook-Signature";

  /** AccessLink's API host, the only host an event URL may name. */
  public static final Set<String> DEFAULT_HOSTS = Set.of("www.polaraccesslink.com");

  private final TrustedUrls urls;

  public PolarWebhookReceiver(WebhookSecrets secrets, WebhookPolicy policy, SeenSignatures seen) {
    this(secrets, policy, seen, new TrustedUrls(DEFAULT_HOSTS));
  }

  public PolarWebhookReceiver(
      WebhookSecrets secrets, WebhookPolicy policy, SeenSignatures seen, TrustedUrls urls) {
    super(Provider.POLAR, secrets, policy, seen);
    this.urls = urls;
  }

  @Override
  protected WebhookOutcome notification(WebhookRequest request, Instant now) {
    Optional<JsonNode> json = WebhookJson.parse(request.body()).filter(JsonNode::isObject);
    Optional<String> event = json.flatMap(j -> WebhookJson.text(j, "event"));
    if (event.filter("PING"::equals).isPresent()) {
      return Handshake.empty(200);
    }
    Optional<Secret> key = secret(SecretKind.SIGNING_KEY);
    if (key.isEmpty()) {
      return refuse(WebhookProblem.NOT_CONFIGURED);
    }
    Optional<String> signature = request.header(SIGNATURE_HEADER);
    if (signature.isEmpty() || signature.get().isBlank()) {
      return refuse(WebhookProblem.SIGNATURE_MISSING);
    }
    byte[] expected = Hmac.mac(Hmac.SHA256, key.get().bytes(), request.body());
    if (!Hmac.matchesHex(expected, signature.get())) {
      return refuse(WebhookProblem.SIGNATURE_INVALID);
    }
    Optional<Instant> sentAt = json.flatMap(j -> WebhookJson.isoTime(j, "timestamp"));
    if (event.isEmpty() || sentAt.isEmpty()) {
      return refuse(WebhookProblem.MALFORMED);
    }
    if (!fresh(sentAt.get(), now)) {
      return refuse(WebhookProblem.STALE);
    }
    if (event.get().equals("EXERCISE")) {
      return exercise(request, json.get(), sentAt.get(), now);
    }
    return accept(request, now, 200, List.of());
  }

  private WebhookOutcome exercise(
      WebhookRequest request, JsonNode json, Instant sentAt, Instant now) {
    Optional<String> userId = WebhookJson.id(json, "user_id");
    Optional<String> exerciseId = WebhookJson.id(json, "entity_id");
    if (userId.isEmpty() || exerciseId.isEmpty()) {
      return refuse(WebhookProblem.MALFORMED);
    }
    Optional<URI> url = Optional.empty();
    if (json.has("url")) {
      url = WebhookJson.url(json, "url").flatMap(urls::parse);
      if (url.isEmpty()) {
        return refuse(WebhookProblem.URL_REFUSED);
      }
    }
    String key = IdempotencyKeys.of(Provider.POLAR, "EXERCISE", userId.get(), exerciseId.get());
    WebhookNotification notification =
        WebhookNotification.of(Provider.POLAR, userId.get(), NotificationKind.ACTIVITY_CREATED, key)
            .withActivityId(exerciseId.get())
            .withCallbackUrl(url.orElse(null))
            .withEventTime(sentAt);
    return accept(request, now, 200, List.of(notification));
  }
}
