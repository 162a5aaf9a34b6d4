package app.stride.devices.webhook.wahoo;

import app.stride.devices.connection.Secret;
import app.stride.devices.domain.Provider;
import app.stride.devices.webhook.AbstractWebhookReceiver;
import app.stride.devices.webhook.IdempotencyKeys;
import app.stride.devices.webhook.NotificationKind;
import app.stride.devices.webhook.SecretKind;
import app.stride.devices.webhook.SeenSignatures;
import app.stride.devices.webhook.TrustedUrls;
import app.stride.devices.webhook.WebhookJson;
import app.stride.devices.webhook.WebhookNotification;
import app.stride.devices.webhook.WebhookOutcome;
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
 * Wahoo Cloud API: the JSON body carries {@code webhook_token}, which must equal the token set for
 * our app ({@link SecretKind#WEBHOOK_TOKEN}, compared in constant time); there is no signature. A
 * {@code workout_summary} event becomes {@code activity-created} (or {@code activity-updated} when
 * the summary was updated after it was created) with the workout id and the FIT file URL, which
 * must be {@code https} on Wahoo's CDN. Wahoo sends no send-time (retries come up to 72 hours
 * later), so there is no staleness window: replays are caught by body.
 */
public final class WahooWebhookReceiver extends AbstractWebhookReceiver {
  /** Wahoo's CDN host for workout files. */
  public static final Set<String> DEFAULT_HOSTS = Set.of("cdn.wahooligan.com");

  private final TrustedUrls urls;

  public WahooWebhookReceiver(WebhookSecrets secrets, WebhookPolicy policy, SeenSignatures seen) {
    this(secrets, policy, seen, new TrustedUrls(DEFAULT_HOSTS));
  }

  public WahooWebhookReceiver(
      WebhookSecrets secrets, WebhookPolicy policy, SeenSignatures seen, TrustedUrls urls) {
    super(Provider.WAHOO, secrets, policy, seen);
    this.urls = urls;
  }

  @Override
  protected WebhookOutcome notification(WebhookRequest request, Instant now) {
    Optional<Secret> expected = secret(SecretKind.WEBHOOK_TOKEN);
    if (expected.isEmpty()) {
      return refuse(WebhookProblem.NOT_CONFIGURED);
    }
    Optional<JsonNode> json = WebhookJson.parse(request.body()).filter(JsonNode::isObject);
    if (json.isEmpty()) {
      return refuse(WebhookProblem.MALFORMED);
    }
    JsonNode event = json.get();
    JsonNode token = event.get("webhook_token");
    if (token == null || !token.isString() || token.stringValue().isEmpty()) {
      return refuse(WebhookProblem.SIGNATURE_MISSING);
    }
    if (!expected.get().matches(token.stringValue())) {
      return refuse(WebhookProblem.SIGNATURE_INVALID);
    }
    Optional<String> eventType = WebhookJson.text(event, "event_type");
    Optional<String> userId = WebhookJson.id(event.get("user"), "id");
    if (eventType.isEmpty() || userId.isEmpty()) {
      return refuse(WebhookProblem.MALFORMED);
    }
    if (!eventType.get().equals("workout_summary")) {
      return accept(request, now, 200, List.of());
    }
    return workoutSummary(request, now, userId.get(), event.get("workout_summary"));
  }

  private WebhookOutcome workoutSummary(
      WebhookRequest request, Instant now, String userId, JsonNode summary) {
    Optional<String> summaryId = WebhookJson.id(summary, "id");
    if (summaryId.isEmpty()) {
      return refuse(WebhookProblem.MALFORMED);
    }
    String workoutId = WebhookJson.id(summary.get("workout"), "id").orElse(summaryId.get());
    Optional<String> createdAt = WebhookJson.text(summary, "created_at");
    Optional<String> updatedAt = WebhookJson.text(summary, "updated_at");
    URI fileUrl = null;
    JsonNode file = summary.get("file");
    if (file != null && !file.isNull()) {
      Optional<URI> url = WebhookJson.url(file, "url").flatMap(urls::parse);
      if (url.isEmpty()) {
        return refuse(WebhookProblem.URL_REFUSED);
      }
      fileUrl = url.get();
    }
    NotificationKind kind =
        updatedAt.isPresent() && createdAt.isPresent() && !updatedAt.equals(createdAt)
            ? NotificationKind.ACTIVITY_UPDATED
            : NotificationKind.ACTIVITY_CREATED;
    String key = IdempotencyKeys.of(Provider.WAHOO, userId, summaryId.get(), updatedAt.orElse(""));
    WebhookNotification notification =
        WebhookNotification.of(Provider.WAHOO, userId, kind, key)
            .withActivityId(workoutId)
            .withFileUrl(fileUrl);
    return accept(request, now, 200, List.of(notification));
  }
}
