package app.stride.devices.webhook;

import app.stride.devices.domain.Provider;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One verified notification, provider-neutral, ready to queue. It carries references only (ids,
 * URLs on the provider's own hosts), never activity data: the worker fetches that later.
 *
 * @param provider the provider that sent it
 * @param providerUserId the provider's id of the user (athlete id, owner id, username, open id)
 * @param kind what happened
 * @param providerActivityId the provider's activity, exercise or workout id, when given
 * @param fileUrl a URL of the activity file (FIT) on the provider's hosts, when given
 * @param callbackUrl a URL to pull the data from (Garmin ping/pull), when given
 * @param window the span of time whose data changed (Google Health), when given
 * @param eventTime when the provider says the event happened or was sent, when given
 * @param idempotencyKey a stable hash of the provider and the notification's identifying fields: a
 *     retry or duplicate of the same notification has the same key
 */
public record WebhookNotification(
    Provider provider,
    String providerUserId,
    NotificationKind kind,
    String providerActivityId,
    URI fileUrl,
    URI callbackUrl,
    TimeWindow window,
    Instant eventTime,
    String idempotencyKey) {

  public WebhookNotification {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    if (providerUserId == null || providerUserId.isBlank()) {
      throw new IllegalArgumentException("providerUserId must not be blank");
    }
  }

  /** A notification with only the required fields; add the rest with the {@code with*} methods. */
  public static WebhookNotification of(
      Provider provider, String providerUserId, NotificationKind kind, String idempotencyKey) {
    return new WebhookNotification(
        provider, providerUserId, kind, null, null, null, null, null, idempotencyKey);
  }

  public WebhookNotification withActivityId(String value) {
    return new WebhookNotification(
        provider,
        providerUserId,
        kind,
        value,
        fileUrl,
        callbackUrl,
        window,
        eventTime,
        idempotencyKey);
  }

  public WebhookNotification withFileUrl(URI value) {
    return new WebhookNotification(
        provider,
        providerUserId,
        kind,
        providerActivityId,
        value,
        callbackUrl,
        window,
        eventTime,
        idempotencyKey);
  }

  public WebhookNotification withCallbackUrl(URI value) {
    return new WebhookNotification(
        provider,
        providerUserId,
        kind,
        providerActivityId,
        fileUrl,
        value,
        window,
        eventTime,
        idempotencyKey);
  }

  public WebhookNotification withWindow(TimeWindow value) {
    return new WebhookNotification(
        provider,
        providerUserId,
        kind,
        providerActivityId,
        fileUrl,
        callbackUrl,
        value,
        eventTime,
        idempotencyKey);
  }

  public WebhookNotification withEventTime(Instant value) {
    return new WebhookNotification(
        provider,
        providerUserId,
        kind,
        providerActivityId,
        fileUrl,
        callbackUrl,
        window,
        value,
        idempotencyKey);
  }

  public Optional<String> activityId() {
    return Optional.ofNullable(providerActivityId);
  }

  public Optional<URI> file() {
    return Optional.ofNullable(fileUrl);
  }

  public Optional<URI> callback() {
    return Optional.ofNullable(callbackUrl);
  }

  public Optional<TimeWindow> changed() {
    return Optional.ofNullable(window);
  }
}
