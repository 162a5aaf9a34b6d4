package app.stride.devices.webhook.fitbit;

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
import app.stride.devices.webhook.WebhookOutcome.Handshake;
import app.stride.devices.webhook.WebhookOutcome.Refused;
import app.stride.devices.webhook.WebhookPolicy;
import app.stride.devices.webhook.WebhookProblem;
import app.stride.devices.webhook.WebhookRequest;
import app.stride.devices.webhook.WebhookSecrets;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Fitbit (Google Health) subscriber. Verification: Fitbit sends {@code GET ?verify=<code>} twice,
 * once with the code shown in the developer console ({@link SecretKind#VERIFICATION_CODE}) which
 * must get 204, once with a wrong one which must get 404. Notifications: a POST whose body is a
 * JSON array of {@code {collectionType, date, ownerId, ownerType, subscriptionId}}, signed in
 * {@code X-Fitbit-Signature} as the base64 HMAC-SHA1 of the body under {@code <client_secret>&}
 * ({@link SecretKind#CLIENT_SECRET}); answered 204. {@code activities} becomes {@code
 * activity-updated} for that day, {@code userRevokedAccess} becomes {@code deauthorized}; other
 * collections are acknowledged and not queued.
 */
public final class FitbitWebhookReceiver extends AbstractWebhookReceiver {
  /** The signature header. */
  public static final String SIGNATURE_HEADER = "X-Fitbit-Signature";

  private static final int SUCCESS = 204;

  public FitbitWebhookReceiver(WebhookSecrets secrets, WebhookPolicy policy, SeenSignatures seen) {
    super(Provider.FITBIT, secrets, policy, seen);
  }

  @Override
  protected WebhookOutcome handshake(WebhookRequest request) {
    Optional<Secret> code = secret(SecretKind.VERIFICATION_CODE);
    if (code.isEmpty()) {
      return refuse(WebhookProblem.NOT_CONFIGURED);
    }
    Optional<String> verify = request.queryParameter("verify");
    if (verify.isPresent() && code.get().matches(verify.get())) {
      return Handshake.empty(SUCCESS);
    }
    return new Refused(404, WebhookProblem.VERIFICATION_FAILED);
  }

  @Override
  protected WebhookOutcome notification(WebhookRequest request, Instant now) {
    Optional<Secret> clientSecret = secret(SecretKind.CLIENT_SECRET);
    if (clientSecret.isEmpty()) {
      return refuse(WebhookProblem.NOT_CONFIGURED);
    }
    Optional<String> signature = request.header(SIGNATURE_HEADER);
    if (signature.isEmpty() || signature.get().isBlank()) {
      return refuse(WebhookProblem.SIGNATURE_MISSING);
    }
    byte[] key = (clientSecret.get().reveal() + "&").getBytes(StandardCharsets.UTF_8);
    byte[] expected = Hmac.mac(Hmac.SHA1, key, request.body());
    if (!Hmac.matchesBase64(expected, signature.get())) {
      return refuse(WebhookProblem.SIGNATURE_INVALID);
    }
    Optional<JsonNode> json = WebhookJson.parse(request.body()).filter(JsonNode::isArray);
    if (json.isEmpty()) {
      return refuse(WebhookProblem.MALFORMED);
    }
    List<WebhookNotification> notifications = new ArrayList<>();
    for (JsonNode entry : json.get()) {
      Optional<Optional<WebhookNotification>> parsed = parse(entry);
      if (parsed.isEmpty()) {
        return refuse(WebhookProblem.MALFORMED);
      }
      parsed.get().ifPresent(notifications::add);
    }
    return accept(request, now, SUCCESS, notifications);
  }

  /** Empty when malformed; an empty inner value for a collection we do not use. */
  private static Optional<Optional<WebhookNotification>> parse(JsonNode entry) {
    Optional<String> collection = WebhookJson.text(entry, "collectionType");
    Optional<String> owner = WebhookJson.id(entry, "ownerId");
    Optional<String> ownerType = WebhookJson.text(entry, "ownerType");
    Optional<String> subscription = WebhookJson.id(entry, "subscriptionId");
    Optional<LocalDate> day = WebhookJson.text(entry, "date").flatMap(FitbitWebhookReceiver::day);
    if (collection.isEmpty()
        || owner.isEmpty()
        || subscription.isEmpty()
        || !ownerType.map("user"::equals).orElse(false)) {
      return Optional.empty();
    }
    NotificationKind kind =
        switch (collection.get()) {
          case "activities" -> NotificationKind.ACTIVITY_UPDATED;
          case "userRevokedAccess" -> NotificationKind.DEAUTHORIZED;
          default -> null;
        };
    if (kind == null) {
      return Optional.of(Optional.empty());
    }
    if (kind == NotificationKind.ACTIVITY_UPDATED && day.isEmpty()) {
      return Optional.empty();
    }
    String key =
        IdempotencyKeys.of(
            Provider.FITBIT,
            collection.get(),
            owner.get(),
            day.map(LocalDate::toString).orElse(""),
            subscription.get());
    return Optional.of(
        Optional.of(
            WebhookNotification.of(Provider.FITBIT, owner.get(), kind, key)
                .withDay(day.orElse(null))));
  }

  private static Optional<LocalDate> day(String value) {
    try {
      return Optional.of(LocalDate.parse(value));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
