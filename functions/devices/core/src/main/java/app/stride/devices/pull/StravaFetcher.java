package app.stride.devices.pull;

import app.stride.core.json.Json;
import app.stride.devices.connection.Secret;
import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.Provider;
import app.stride.devices.files.ActivityFileException;
import app.stride.devices.pull.FetchException.Reason;
import app.stride.devices.webhook.TrustedUrls;
import app.stride.devices.webhook.WebhookJson;
import app.stride.devices.webhook.WebhookNotification;
import app.stride.devices.webhook.strava.StravaRateBudget;
import app.stride.devices.webhook.strava.StravaRateBudget.Decision;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Strava API v3: the activity ({@code GET {base}/api/v3/activities/{id}}) and its streams ({@code
 * GET {base}/api/v3/activities/{id}/streams?keys=...&key_by_type=true}) with the user's bearer
 * token, built into {@link ActivityData} here ({@link StravaActivities}); an activity without
 * streams (a manual entry, streams 404) has no samples. The original kept is {@code {"activity":
 * ..., "streams": ...}} as {@code application/json}. Every request first takes one unit of the
 * shared {@link StravaRateBudget} (a spent budget is {@code RATE_LIMITED} without a request); every
 * answer's {@code X-RateLimit-*} headers update it, and a 429 spends the current 15-minute window.
 */
public final class StravaFetcher implements ActivityFetcher {
  /** The media type of the original. */
  public static final String MEDIA_TYPE = "application/json";

  /** Strava's web host (redirects may lead only there). */
  public static final Set<String> DEFAULT_HOSTS = Set.of("www.strava.com");

  static final String STREAM_KEYS =
      "time,latlng,distance,altitude,heartrate,cadence,watts,velocity_smooth";

  private final ProviderHttp http;
  private final ApiHosts hosts;
  private final StravaRateBudget budget;

  /**
   * @param budget the process-wide budget (the webhook side's instance, shared)
   */
  public StravaFetcher(ProviderHttp http, ProviderApis apis, StravaRateBudget budget) {
    this.http = http;
    this.hosts = new ApiHosts(Provider.STRAVA, apis, new TrustedUrls(DEFAULT_HOSTS));
    this.budget = Objects.requireNonNull(budget, "budget");
  }

  @Override
  public Provider provider() {
    return Provider.STRAVA;
  }

  @Override
  public List<FetchedActivity> fetch(WebhookNotification notification, Secret accessToken) {
    if (!Announcements.announcesActivity(notification, Provider.STRAVA)) {
      return List.of();
    }
    String id = notification.activityId().orElse("");
    if (!id.matches("[0-9]{1,20}")) {
      throw new FetchException(Reason.REJECTED, "strava: the activity id is not usable");
    }
    Map<String, String> headers = new HashMap<>(ProviderHttp.bearer(accessToken));
    headers.put("Accept", "application/json");
    String path = "/api/v3/activities/" + id;
    JsonNode activity =
        parse(
            call(
                hosts.api(path + "?include_all_efforts=false"),
                headers,
                ProviderHttp.MAX_JSON_BYTES));
    JsonNode streams;
    try {
      streams =
          parse(
              call(
                  hosts.api(path + "/streams?keys=" + STREAM_KEYS + "&key_by_type=true"),
                  headers,
                  http.limits().maxFileBytes()));
    } catch (FetchException e) {
      if (e.reason() != Reason.NOT_FOUND) {
        throw e;
      }
      streams = null;
    }
    ActivityData data;
    try {
      data = StravaActivities.toActivityData(activity, streams);
    } catch (ActivityFileException e) {
      throw new FetchException(
          Reason.REJECTED, "strava: the activity is not usable: " + e.code(), null, e);
    }
    ObjectNode original = Json.mapper().createObjectNode();
    original.set("activity", activity);
    if (streams != null) {
      original.set("streams", streams);
    }
    return List.of(
        new FetchedActivity(id, MEDIA_TYPE, Json.mapper().writeValueAsBytes(original), data));
  }

  private byte[] call(URI url, Map<String, String> headers, long maxBytes) {
    Instant now = http.clock().instant();
    if (budget.tryAcquire(now) instanceof Decision.Wait wait) {
      throw rateLimited(wait.until(), now, null);
    }
    ProviderHttp.Observer observer =
        (status, answer) -> {
          Instant seen = http.clock().instant();
          budget.observe(name -> answer.firstValue(name).orElse(null), seen);
          if (status == 429) {
            budget.rateLimited(seen);
          }
        };
    try {
      return http.get(hosts, url, headers, maxBytes, observer);
    } catch (FetchException e) {
      if (e.reason() == Reason.RATE_LIMITED && e.retryAfter().isEmpty()) {
        Instant later = http.clock().instant();
        if (budget.tryAcquire(later) instanceof Decision.Wait wait) {
          throw rateLimited(wait.until(), later, e);
        }
      }
      throw e;
    }
  }

  private static FetchException rateLimited(Instant until, Instant now, Throwable cause) {
    Duration wait = Duration.between(now, until);
    return new FetchException(
        Reason.RATE_LIMITED,
        "strava: the rate budget is spent",
        wait.isNegative() ? Duration.ZERO : wait,
        cause);
  }

  private static JsonNode parse(byte[] body) {
    return WebhookJson.parse(body)
        .filter(node -> node.isObject() || node.isArray())
        .orElseThrow(() -> new FetchException(Reason.REJECTED, "strava: the answer is not JSON"));
  }
}
