package app.stride.devices.webhook.garmin;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Garmin Health / Activity API. Garmin does not sign its notifications, so this verifies what can
 * be verified: every URL a notification names ({@code callbackURL}) is {@code https} on Garmin's
 * API host (never a URL an attacker chose: SSRF); every entry's {@code userId} and {@code
 * userAccessToken} belong to one of our connections ({@link GarminUserLookup}); and when a {@code
 * garmin-client-id} header is sent and our client id is configured, they match. A request with a
 * foreign URL is refused whole; entries of unknown users are dropped, and a request with no known
 * user at all is refused. Handled lists: {@code activities}, {@code activityDetails}, {@code
 * manuallyUpdatedActivities}, {@code activityFiles}, {@code deregistrations}, {@code
 * userPermissionsChange}; other summary lists (dailies, sleeps, ...) are acknowledged and ignored.
 */
public final class GarminWebhookReceiver extends AbstractWebhookReceiver {
  /** The header Garmin sends with the consumer's client id (not a secret). */
  public static final String CLIENT_ID_HEADER = "garmin-client-id";

  /** Garmin's API host, where callback and file URLs point. */
  public static final Set<String> DEFAULT_HOSTS = Set.of("apis.garmin.com");

  private static final List<Map.Entry<String, NotificationKind>> LISTS =
      List.of(
          Map.entry("activities", NotificationKind.ACTIVITY_CREATED),
          Map.entry("activityDetails", NotificationKind.ACTIVITY_CREATED),
          Map.entry("activityFiles", NotificationKind.ACTIVITY_CREATED),
          Map.entry("manuallyUpdatedActivities", NotificationKind.ACTIVITY_UPDATED),
          Map.entry("deregistrations", NotificationKind.DEAUTHORIZED),
          Map.entry("userPermissionsChange", NotificationKind.PERMISSIONS_CHANGED));

  private final GarminUserLookup users;
  private final TrustedUrls urls;

  public GarminWebhookReceiver(
      WebhookSecrets secrets, WebhookPolicy policy, SeenSignatures seen, GarminUserLookup users) {
    this(secrets, policy, seen, users, new TrustedUrls(DEFAULT_HOSTS));
  }

  public GarminWebhookReceiver(
      WebhookSecrets secrets,
      WebhookPolicy policy,
      SeenSignatures seen,
      GarminUserLookup users,
      TrustedUrls urls) {
    super(Provider.GARMIN, secrets, policy, seen);
    this.users = users;
    this.urls = urls;
  }

  @Override
  protected WebhookOutcome notification(WebhookRequest request, Instant now) {
    Optional<Secret> clientId = secret(SecretKind.CLIENT_ID);
    Optional<String> sentClientId = request.header(CLIENT_ID_HEADER);
    if (clientId.isPresent()
        && sentClientId.isPresent()
        && !clientId.get().matches(sentClientId.get())) {
      return refuse(WebhookProblem.SIGNATURE_INVALID);
    }
    Optional<JsonNode> json = WebhookJson.parse(request.body()).filter(JsonNode::isObject);
    if (json.isEmpty()) {
      return refuse(WebhookProblem.MALFORMED);
    }
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<String, NotificationKind> list : LISTS) {
      JsonNode items = json.get().get(list.getKey());
      if (items == null) {
        continue;
      }
      if (!items.isArray()) {
        return refuse(WebhookProblem.MALFORMED);
      }
      for (JsonNode item : items) {
        Optional<Entry> entry = Entry.parse(list.getKey(), list.getValue(), item);
        if (entry.isEmpty()) {
          return refuse(WebhookProblem.MALFORMED);
        }
        entries.add(entry.get());
      }
    }
    List<WebhookNotification> notifications = new ArrayList<>();
    for (Entry entry : entries) {
      Optional<URI> url = Optional.empty();
      if (entry.callbackUrl != null) {
        url = urls.parse(entry.callbackUrl);
        if (url.isEmpty()) {
          return refuse(WebhookProblem.URL_REFUSED);
        }
      }
      if (users.isKnown(entry.userId, entry.userAccessToken)) {
        notifications.add(entry.toNotification(url.orElse(null)));
      }
    }
    if (!entries.isEmpty() && notifications.isEmpty()) {
      return refuse(WebhookProblem.SIGNATURE_INVALID);
    }
    return accept(request, now, 200, notifications);
  }

  private record Entry(
      String list,
      NotificationKind kind,
      String userId,
      String userAccessToken,
      String summaryId,
      String callbackUrl) {

    static Optional<Entry> parse(String list, NotificationKind kind, JsonNode item) {
      Optional<String> userId = WebhookJson.id(item, "userId");
      Optional<String> token = WebhookJson.text(item, "userAccessToken");
      if (!item.isObject() || userId.isEmpty() || token.isEmpty() || token.get().isBlank()) {
        return Optional.empty();
      }
      String summaryId = null;
      if (item.has("summaryId")) {
        Optional<String> parsed = WebhookJson.id(item, "summaryId");
        if (parsed.isEmpty()) {
          return Optional.empty();
        }
        summaryId = parsed.get();
      }
      String callback = null;
      if (item.has("callbackURL")) {
        Optional<String> parsed = WebhookJson.url(item, "callbackURL");
        if (parsed.isEmpty()) {
          return Optional.empty();
        }
        callback = parsed.get();
      }
      return Optional.of(new Entry(list, kind, userId.get(), token.get(), summaryId, callback));
    }

    WebhookNotification toNotification(URI url) {
      String key =
          IdempotencyKeys.of(
              Provider.GARMIN,
              list,
              userId,
              summaryId == null ? "" : summaryId,
              summaryId == null && callbackUrl != null ? callbackUrl : "",
              summaryId == null && callbackUrl == null ? userAccessToken : "");
      WebhookNotification notification =
          WebhookNotification.of(Provider.GARMIN, userId, kind, key).withActivityId(summaryId);
      if (url == null) {
        return notification;
      }
      return list.equals("activityFiles")
          ? notification.withFileUrl(url)
          : notification.withCallbackUrl(url);
    }

    @Override
    public String toString() {
      return "Entry[" + list + ", user " + userId + "]";
    }
  }
}
