package app.stride.devices.webhook.coros;

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
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * COROS workout data push. COROS's API documentation is given to partners only; what is public
 * (third-party integrations) shows a JSON body {@code {"sportDataList": [{openId, labelId, mode,
 * subMode, startTime, endTime, fitUrl, ...}]}} and authentication by headers. This receiver
 * therefore requires two headers, compared in constant time: {@value #CLIENT_HEADER} equal to our
 * client id ({@link SecretKind#CLIENT_ID}) and {@value #SECRET_HEADER} equal to a secret agreed at
 * registration ({@link SecretKind#WEBHOOK_TOKEN}); header names are configurable for when COROS's
 * partner documentation says otherwise. Every {@code fitUrl} must be {@code https} on a COROS host.
 */
public final class CorosWebhookReceiver extends AbstractWebhookReceiver {
  /** The default header carrying our client id. */
  public static final String CLIENT_HEADER = "client";

  /** The default header carrying the shared secret. */
  public static final String SECRET_HEADER = "secret";

  /** Any sub-domain of {@code coros.com} (file storage hosts are not publicly documented). */
  public static final Set<String> DEFAULT_HOSTS = Set.of(".coros.com");

  private final TrustedUrls urls;
  private final String clientHeader;
  private final String secretHeader;

  public CorosWebhookReceiver(WebhookSecrets secrets, WebhookPolicy policy, SeenSignatures seen) {
    this(secrets, policy, seen, new TrustedUrls(DEFAULT_HOSTS), CLIENT_HEADER, SECRET_HEADER);
  }

  public CorosWebhookReceiver(
      WebhookSecrets secrets,
      WebhookPolicy policy,
      SeenSignatures seen,
      TrustedUrls urls,
      String clientHeader,
      String secretHeader) {
    super(Provider.COROS, secrets, policy, seen);
    this.urls = urls;
    this.clientHeader = clientHeader;
    this.secretHeader = secretHeader;
  }

  @Override
  protected WebhookOutcome notification(WebhookRequest request, Instant now) {
    Optional<Secret> clientId = secret(SecretKind.CLIENT_ID);
    Optional<Secret> shared = secret(SecretKind.WEBHOOK_TOKEN);
    if (clientId.isEmpty() || shared.isEmpty()) {
      return refuse(WebhookProblem.NOT_CONFIGURED);
    }
    Optional<String> sentClient = request.header(clientHeader);
    Optional<String> sentSecret = request.header(secretHeader);
    if (sentClient.isEmpty() || sentSecret.isEmpty()) {
      return refuse(WebhookProblem.SIGNATURE_MISSING);
    }
    boolean clientMatches = clientId.get().matches(sentClient.get());
    boolean secretMatches = shared.get().matches(sentSecret.get());
    if (!clientMatches || !secretMatches) {
      return refuse(WebhookProblem.SIGNATURE_INVALID);
    }
    Optional<JsonNode> list =
        WebhookJson.parse(request.body())
            .filter(JsonNode::isObject)
            .map(json -> json.get("sportDataList"))
            .filter(JsonNode::isArray);
    if (list.isEmpty()) {
      return refuse(WebhookProblem.MALFORMED);
    }
    List<WebhookNotification> notifications = new ArrayList<>();
    for (JsonNode workout : list.get()) {
      Optional<String> openId = WebhookJson.id(workout, "openId");
      Optional<String> labelId = WebhookJson.id(workout, "labelId");
      if (openId.isEmpty() || labelId.isEmpty()) {
        return refuse(WebhookProblem.MALFORMED);
      }
      URI fileUrl = null;
      if (workout.has("fitUrl")) {
        Optional<URI> url = WebhookJson.url(workout, "fitUrl").flatMap(urls::parse);
        if (url.isEmpty()) {
          return refuse(WebhookProblem.URL_REFUSED);
        }
        fileUrl = url.get();
      }
      String key = IdempotencyKeys.of(Provider.COROS, openId.get(), labelId.get());
      notifications.add(
          WebhookNotification.of(
                  Provider.COROS, openId.get(), NotificationKind.ACTIVITY_CREATED, key)
              .withActivityId(labelId.get())
              .withFileUrl(fileUrl));
    }
    return accept(request, now, 200, notifications);
  }
}
