package app.stride.devices.webhook.fitbit;

import app.stride.devices.connection.Secret;
import app.stride.devices.domain.Provider;
import app.stride.devices.webhook.AbstractWebhookReceiver;
import app.stride.devices.webhook.IdempotencyKeys;
import app.stride.devices.webhook.NotificationKind;
import app.stride.devices.webhook.SecretKind;
import app.stride.devices.webhook.SeenSignatures;
import app.stride.devices.webhook.TimeWindow;
import app.stride.devices.webhook.WebhookJson;
import app.stride.devices.webhook.WebhookNotification;
import app.stride.devices.webhook.WebhookOutcome;
import app.stride.devices.webhook.WebhookOutcome.Handshake;
import app.stride.devices.webhook.WebhookPolicy;
import app.stride.devices.webhook.WebhookProblem;
import app.stride.devices.webhook.WebhookRequest;
import app.stride.devices.webhook.WebhookSecrets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Fitbit through the Google Health API (the legacy Fitbit Web API was turned off on 2026-11-02).
 * Our subscriber is registered with {@code endpointAuthorization.secret}, the whole {@code
 * Authorization} header value Google sends ({@link SecretKind#WEBHOOK_TOKEN}, e.g. {@code Bearer
 * <random>}), compared in constant time:
 *
 * <ul>
 *   <li>verification (on subscriber create and update): {@code POST {"type":"verification"}} with
 *       that header must get {@code 201}, the same without it (or with another) {@code 401};
 *   <li>notifications: the same header (or, behind Google's API Gateway, which replaces {@code
 *       Authorization} with its own token, {@code X-Forwarded-Authorization}); when a Google Health
 *       public key is configured ({@link SecretKind#PUBLIC_KEY}), {@code X-HEALTHAPI-SIGNATURE}
 *       must also verify ({@link HealthApiSignatures}). Answered {@code 204}. The body (one object
 *       or an array of them) is {@code
 *       {"data":{"healthUserId","dataType","operation","intervals"}}}: an {@code exercise} {@code
 *       UPSERT} becomes {@code activity-updated} for the changed time window, an {@code exercise}
 *       {@code DELETE} {@code activity-deleted}; other data types are acknowledged and not queued.
 * </ul>
 *
 * The payload carries no send time, so there is no staleness window: an exact replay within the
 * replay window is answered without queueing, and a later one only asks for an idempotent fetch of
 * the user's own data.
 */
public final class FitbitWebhookReceiver extends AbstractWebhookReceiver {
  /** The header Google's API Gateway moves the caller's {@code Authorization} to. */
  public static final String FORWARDED_AUTHORIZATION = "X-Forwarded-Authorization";

  private static final int SUCCESS = 204;
  private static final int VERIFIED = 201;
  private static final int MAX_NOTIFICATIONS = 100;
  private static final int MAX_INTERVALS = 100;
  private static final Duration MAX_WINDOW = Duration.ofDays(31);

  /** Civil times carry no offset: widened by the largest offsets in use (UTC-12 to UTC+14). */
  private static final Duration CIVIL_SLACK = Duration.ofHours(14);

  public FitbitWebhookReceiver(WebhookSecrets secrets, WebhookPolicy policy, SeenSignatures seen) {
    super(Provider.FITBIT, secrets, policy, seen);
  }

  @Override
  protected WebhookOutcome notification(WebhookRequest request, Instant now) {
    Optional<Secret> token = secret(SecretKind.WEBHOOK_TOKEN);
    if (token.isEmpty()) {
      return refuse(WebhookProblem.NOT_CONFIGURED);
    }
    Optional<String> authorization = request.header("Authorization");
    Optional<String> forwarded = request.header(FORWARDED_AUTHORIZATION);
    if (authorization.isEmpty() && forwarded.isEmpty()) {
      return refuse(WebhookProblem.SIGNATURE_MISSING);
    }
    // Both compared, always: the time taken does not tell which header held what.
    boolean direct = token.get().matches(authorization.orElse(null));
    boolean viaGateway = token.get().matches(forwarded.orElse(null));
    if (!direct && !viaGateway) {
      return refuse(WebhookProblem.SIGNATURE_INVALID);
    }
    Optional<JsonNode> json = WebhookJson.parse(request.body());
    if (json.isEmpty() || !(json.get().isObject() || json.get().isArray())) {
      return refuse(WebhookProblem.MALFORMED);
    }
    if (json.get().isObject()
        && WebhookJson.text(json.get(), "type").filter("verification"::equals).isPresent()) {
      return Handshake.empty(VERIFIED);
    }
    Optional<WebhookOutcome> unsigned = checkSignature(request);
    if (unsigned.isPresent()) {
      return unsigned.get();
    }
    List<JsonNode> entries = new ArrayList<>();
    if (json.get().isArray()) {
      json.get().forEach(entries::add);
    } else {
      entries.add(json.get());
    }
    if (entries.isEmpty() || entries.size() > MAX_NOTIFICATIONS) {
      return refuse(WebhookProblem.MALFORMED);
    }
    List<WebhookNotification> notifications = new ArrayList<>();
    for (JsonNode entry : entries) {
      Optional<Optional<WebhookNotification>> parsed = parse(entry.get("data"));
      if (parsed.isEmpty()) {
        return refuse(WebhookProblem.MALFORMED);
      }
      parsed.get().ifPresent(notifications::add);
    }
    return accept(request, now, SUCCESS, notifications);
  }

  /** A refusal when a configured key does not verify the signature; empty when it does. */
  private Optional<WebhookOutcome> checkSignature(WebhookRequest request) {
    Optional<Secret> keys = secret(SecretKind.PUBLIC_KEY);
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    Optional<HealthApiSignatures> signatures = HealthApiSignatures.parse(keys.get().reveal());
    if (signatures.isEmpty()) {
      return Optional.of(refuse(WebhookProblem.NOT_CONFIGURED));
    }
    Optional<String> signature = request.header(HealthApiSignatures.HEADER);
    if (signature.isEmpty() || signature.get().isBlank()) {
      return Optional.of(refuse(WebhookProblem.SIGNATURE_MISSING));
    }
    if (!signatures.get().verifies(request.body(), signature.get())) {
      return Optional.of(refuse(WebhookProblem.SIGNATURE_INVALID));
    }
    return Optional.empty();
  }

  /** Empty when malformed; an empty inner value for a notification we do not use. */
  private static Optional<Optional<WebhookNotification>> parse(JsonNode data) {
    if (data == null || !data.isObject()) {
      return Optional.empty();
    }
    Optional<String> user = WebhookJson.id(data, "healthUserId");
    Optional<String> dataType = WebhookJson.text(data, "dataType");
    Optional<String> operation = WebhookJson.text(data, "operation");
    if (user.isEmpty() || dataType.isEmpty() || operation.isEmpty()) {
      return Optional.empty();
    }
    if (!dataType.get().equals("exercise")) {
      return Optional.of(Optional.empty());
    }
    NotificationKind kind =
        switch (operation.get()) {
          case "UPSERT" -> NotificationKind.ACTIVITY_UPDATED;
          case "DELETE" -> NotificationKind.ACTIVITY_DELETED;
          default -> null;
        };
    Optional<TimeWindow> window = window(data.get("intervals"));
    if (kind == null || window.isEmpty()) {
      return Optional.empty();
    }
    String key =
        IdempotencyKeys.of(
            Provider.FITBIT,
            dataType.get(),
            operation.get(),
            user.get(),
            window.get().start().toString(),
            window.get().end().toString());
    return Optional.of(
        Optional.of(
            WebhookNotification.of(Provider.FITBIT, user.get(), kind, key)
                .withWindow(window.get())));
  }

  /** The span of the changed intervals; empty when there is none or one is unreadable. */
  private static Optional<TimeWindow> window(JsonNode intervals) {
    if (intervals == null
        || !intervals.isArray()
        || intervals.isEmpty()
        || intervals.size() > MAX_INTERVALS) {
      return Optional.empty();
    }
    TimeWindow span = null;
    for (JsonNode interval : intervals) {
      Optional<TimeWindow> one = interval(interval);
      if (one.isEmpty()) {
        return Optional.empty();
      }
      span = span == null ? one.get() : span.span(one.get());
    }
    return span.length().compareTo(MAX_WINDOW) > 0 ? Optional.empty() : Optional.of(span);
  }

  /** A physical interval as given, else a civil one widened by the largest offsets. */
  private static Optional<TimeWindow> interval(JsonNode interval) {
    if (interval == null || !interval.isObject()) {
      return Optional.empty();
    }
    JsonNode physical = interval.get("physicalTimeInterval");
    if (physical != null) {
      return bounds(physical, Duration.ZERO);
    }
    JsonNode civil = interval.get("civilIso8601TimeInterval");
    if (civil == null) {
      civil = interval.get("civilDateTimeInterval");
    }
    return civil == null ? Optional.empty() : bounds(civil, CIVIL_SLACK);
  }

  private static Optional<TimeWindow> bounds(JsonNode node, Duration slack) {
    Optional<Instant> start = WebhookJson.isoTime(node, "startTime");
    Optional<Instant> end = WebhookJson.isoTime(node, "endTime");
    if (start.isEmpty() || end.isEmpty() || end.get().isBefore(start.get())) {
      return Optional.empty();
    }
    return Optional.of(new TimeWindow(start.get().minus(slack), end.get().plus(slack)));
  }
}
