package app.stride.devices.pull;

import app.stride.devices.connection.Secret;
import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.Sport;
import app.stride.devices.files.ActivityFileException;
import app.stride.devices.files.FailureCode;
import app.stride.devices.files.MediaTypes;
import app.stride.devices.pull.FetchException.Reason;
import app.stride.devices.sports.SportMapping;
import app.stride.devices.webhook.TrustedUrls;
import app.stride.devices.webhook.WebhookJson;
import app.stride.devices.webhook.WebhookNotification;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Fitbit Web API. A notification names a day whose activities changed: the day's exercise logs are
 * listed ({@code GET {base}/1/user/-/activities/list.json?afterDate=<day-1>&sort=asc&offset=0
 * &limit=20}, following {@code pagination.next} on Fitbit's host while the logs are not past the
 * day), and each log of that day (by its local {@code startTime}) is fetched as TCX ({@code GET
 * {base}/1/user/-/activities/{logId}.tcx}). Skipped quietly: manual logs, logs marked {@code
 * hasGps: false}, logs whose TCX is missing (404) or holds no activity. When the TCX says {@code
 * Other}, the log's {@code activityTypeId} or {@code activityName} gives the sport.
 */
public final class FitbitFetcher implements ActivityFetcher {
  /** Fitbit's API host (pagination links and redirects may lead only there). */
  public static final Set<String> DEFAULT_HOSTS = Set.of("api.fitbit.com");

  private static final int MAX_PAGES = 5;

  private final ProviderHttp http;
  private final ApiHosts hosts;

  public FitbitFetcher(ProviderHttp http, ProviderApis apis) {
    this.http = http;
    this.hosts = new ApiHosts(Provider.FITBIT, apis, new TrustedUrls(DEFAULT_HOSTS));
  }

  @Override
  public Provider provider() {
    return Provider.FITBIT;
  }

  @Override
  public List<FetchedActivity> fetch(WebhookNotification notification, Secret accessToken) {
    if (!Announcements.announcesActivity(notification, Provider.FITBIT)) {
      return List.of();
    }
    LocalDate day = notification.day();
    if (day == null) {
      throw new FetchException(Reason.REJECTED, "fitbit: the notification names no day");
    }
    Map<String, String> headers = ProviderHttp.bearer(accessToken);
    List<FetchedActivity> fetched = new ArrayList<>();
    for (JsonNode log : logsOf(day, headers)) {
      tcx(log, headers).ifPresent(fetched::add);
    }
    return fetched;
  }

  /** The exercise logs that started on {@code day}, local time. */
  private List<JsonNode> logsOf(LocalDate day, Map<String, String> headers) {
    URI page =
        hosts.api(
            "/1/user/-/activities/list.json?afterDate="
                + day.minusDays(1)
                + "&sort=asc&offset=0&limit=20");
    List<JsonNode> logs = new ArrayList<>();
    for (int n = 0; n < MAX_PAGES && page != null; n++) {
      JsonNode answer = json(http.json(hosts, page, headers));
      JsonNode activities = answer.get("activities");
      if (activities == null || !activities.isArray()) {
        throw new FetchException(Reason.REJECTED, "fitbit: the list has no activities");
      }
      boolean pastDay = false;
      for (JsonNode log : activities) {
        Optional<LocalDate> started = localDay(log);
        if (started.isPresent() && started.get().isAfter(day)) {
          pastDay = true;
        } else if (started.isPresent() && started.get().equals(day)) {
          logs.add(log);
        }
      }
      Optional<String> next = WebhookJson.url(answer.get("pagination"), "next");
      page =
          pastDay || activities.isEmpty() || next.isEmpty() || next.get().isEmpty()
              ? null
              : hosts.named(uri(next.get()));
    }
    return logs;
  }

  private Optional<FetchedActivity> tcx(JsonNode log, Map<String, String> headers) {
    Optional<String> logId = WebhookJson.id(log, "logId");
    JsonNode hasGps = log.get("hasGps");
    boolean manual = WebhookJson.text(log, "logType").map("manual"::equals).orElse(false);
    if (logId.isEmpty()
        || manual
        || (hasGps != null && hasGps.isBoolean() && !hasGps.booleanValue())) {
      return Optional.empty();
    }
    String id = hosts.pathId(logId.get());
    Map<String, String> tcxHeaders = new HashMap<>(headers);
    tcxHeaders.put("Accept", MediaTypes.TCX);
    byte[] body;
    try {
      body = http.file(hosts, hosts.api("/1/user/-/activities/" + id + ".tcx"), tcxHeaders);
    } catch (FetchException e) {
      if (e.reason() == Reason.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
    FetchedActivity parsed;
    try {
      parsed = ActivityBytes.parse(Provider.FITBIT, id, body, MediaTypes.TCX, http.limits());
    } catch (FetchException e) {
      if (e.getCause() instanceof ActivityFileException file
          && file.failureCode() == FailureCode.NO_ACTIVITY) {
        return Optional.empty();
      }
      throw e;
    }
    return Optional.of(withLogSport(parsed, log));
  }

  private static FetchedActivity withLogSport(FetchedActivity fetched, JsonNode log) {
    ActivityData data = fetched.data();
    if (data.sport() != Sport.OTHER) {
      return fetched;
    }
    Sport sport =
        WebhookJson.number(log, "activityTypeId")
            .map(SportMapping::fromFitbitTypeId)
            .filter(s -> s != Sport.OTHER)
            .orElseGet(
                () ->
                    WebhookJson.text(log, "activityName")
                        .map(SportMapping::fromFitbitName)
                        .orElse(Sport.OTHER));
    ActivityData withSport =
        new ActivityData(
            sport,
            data.startTime(),
            data.utcOffset(),
            data.elapsed(),
            data.moving(),
            data.distanceMeters(),
            data.elevationGainMeters(),
            data.stats(),
            data.laps(),
            data.samples(),
            data.device());
    return new FetchedActivity(
        fetched.providerActivityId(), fetched.mediaType(), fetched.original(), withSport);
  }

  /** The local day a log started, from the date part of its {@code startTime}. */
  private static Optional<LocalDate> localDay(JsonNode log) {
    Optional<String> start = WebhookJson.text(log, "startTime");
    if (start.isEmpty() || start.get().length() < 10) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(start.get().substring(0, 10)));
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static JsonNode json(byte[] body) {
    return WebhookJson.parse(body)
        .filter(JsonNode::isObject)
        .orElseThrow(() -> new FetchException(Reason.REJECTED, "fitbit: the list is not JSON"));
  }

  private static URI uri(String value) {
    try {
      return URI.create(value);
    } catch (IllegalArgumentException e) {
      throw new FetchException(Reason.REJECTED, "fitbit: a malformed pagination link");
    }
  }
}
