package app.stride.devices.pull;

import app.stride.core.json.Json;
import app.stride.devices.connection.Secret;
import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.Provider;
import app.stride.devices.files.ActivityFileException;
import app.stride.devices.files.FailureCode;
import app.stride.devices.files.MediaTypes;
import app.stride.devices.pull.FetchException.Reason;
import app.stride.devices.webhook.TimeWindow;
import app.stride.devices.webhook.TrustedUrls;
import app.stride.devices.webhook.WebhookJson;
import app.stride.devices.webhook.WebhookNotification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Fitbit through the Google Health API (v4). A notification names a time window whose exercises
 * changed: the user's {@code exercise} data points starting from a day before the window to its end
 * are listed ({@code GET {base}/v4/users/me/dataTypes/exercise/dataPoints?pageSize=25
 * &filter=exercise.interval.start_time >= "..." AND exercise.interval.start_time < "..."},
 * following {@code nextPageToken}), and each one whose interval overlaps the window is fetched as
 * TCX ({@code GET .../dataPoints/{id}:exportExerciseTcx?alt=media&partialData=true}: the route,
 * heart rate and laps; {@code partialData} keeps the points of an exercise without GPS). The data
 * point and the TCX together make the activity ({@link GoogleHealthExercises}). The export needs
 * the location scope as well as the activity one: when it is refused (the user granted activity
 * only) or missing, or holds no activity (a manual log), the data point's summary alone is
 * imported, without samples. The original kept is the TCX, or the data point's JSON.
 */
public final class FitbitFetcher implements ActivityFetcher {
  /** The Google Health API's host (redirects may lead only there). */
  public static final Set<String> DEFAULT_HOSTS = Set.of("health.googleapis.com");

  /** The user's exercise data points. */
  static final String EXERCISES = "/v4/users/me/dataTypes/exercise/dataPoints";

  /** The media type of a data point kept as the original (no TCX). */
  static final String JSON = "application/json";

  /** Google's largest page for exercises. */
  static final int PAGE_SIZE = 25;

  private static final Pattern NAME =
      Pattern.compile(
          "users/[A-Za-z0-9-]{1,63}/dataTypes/exercise/dataPoints/([A-Za-z0-9_-]{1,128})");
  private static final int MAX_PAGES = 8;
  private static final Duration LOOK_BACK = Duration.ofDays(1);

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
    TimeWindow window =
        notification
            .changed()
            .orElseThrow(
                () ->
                    new FetchException(
                        Reason.REJECTED, "fitbit: the notification names no time window"));
    Map<String, String> headers = ProviderHttp.bearer(accessToken);
    List<FetchedActivity> fetched = new ArrayList<>();
    for (JsonNode dataPoint : exercisesIn(window, headers)) {
      fetched.add(activity(dataPoint, headers));
    }
    return fetched;
  }

  /** The exercise data points whose interval overlaps {@code window}. */
  private List<JsonNode> exercisesIn(TimeWindow window, Map<String, String> headers) {
    String filter =
        "exercise.interval.start_time >= \""
            + window.start().minus(LOOK_BACK)
            + "\" AND exercise.interval.start_time < \""
            + window.end().plusSeconds(1)
            + "\"";
    String first = EXERCISES + "?pageSize=" + PAGE_SIZE + "&filter=" + encode(filter);
    List<JsonNode> found = new ArrayList<>();
    Optional<String> pageToken = Optional.empty();
    for (int page = 0; page < MAX_PAGES; page++) {
      String path = first + pageToken.map(t -> "&pageToken=" + encode(t)).orElse("");
      JsonNode answer = json(http.json(hosts, hosts.api(path), headers));
      JsonNode dataPoints = answer.get("dataPoints");
      if (dataPoints != null && !dataPoints.isArray()) {
        throw new FetchException(Reason.REJECTED, "fitbit: the list has no data points");
      }
      if (dataPoints != null) {
        for (JsonNode dataPoint : dataPoints) {
          if (overlaps(dataPoint, window)) {
            found.add(dataPoint);
          }
        }
      }
      pageToken = pageToken(answer);
      if (pageToken.isEmpty()) {
        break;
      }
    }
    return found;
  }

  private FetchedActivity activity(JsonNode dataPoint, Map<String, String> headers) {
    String id = hosts.pathId(exerciseId(dataPoint));
    Optional<byte[]> tcx = tcx(id, headers);
    ActivityData fromTcx = null;
    if (tcx.isPresent()) {
      try {
        fromTcx =
            ActivityBytes.parse(Provider.FITBIT, id, tcx.get(), MediaTypes.TCX, http.limits())
                .data();
      } catch (FetchException e) {
        if (!(e.getCause() instanceof ActivityFileException file
            && file.failureCode() == FailureCode.NO_ACTIVITY)) {
          throw e;
        }
        tcx = Optional.empty();
      }
    }
    ActivityData data;
    try {
      data = GoogleHealthExercises.toActivityData(dataPoint, fromTcx);
    } catch (ActivityFileException e) {
      throw new FetchException(
          Reason.REJECTED, "fitbit: the exercise is not usable: " + e.code(), null, e);
    }
    return tcx.isPresent()
        ? new FetchedActivity(id, MediaTypes.TCX, tcx.get(), data)
        : new FetchedActivity(id, JSON, Json.toBytes(dataPoint), data);
  }

  /**
   * The exercise's TCX export, or empty when there is none to have: not found, or refused because
   * the token lacks the location scope (the list call just accepted the same token, so a refusal
   * here is about the export, not the token).
   */
  private Optional<byte[]> tcx(String id, Map<String, String> headers) {
    Map<String, String> tcxHeaders = new HashMap<>(headers);
    tcxHeaders.put("Accept", MediaTypes.TCX);
    try {
      return Optional.of(
          http.file(
              hosts,
              hosts.api(EXERCISES + "/" + id + ":exportExerciseTcx?alt=media&partialData=true"),
              tcxHeaders));
    } catch (FetchException e) {
      if (e.reason() == Reason.NOT_FOUND || e.reason() == Reason.UNAUTHORIZED) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The id in the data point's name, {@code users/{user}/dataTypes/exercise/dataPoints/{id}}. */
  private static String exerciseId(JsonNode dataPoint) {
    Matcher name = NAME.matcher(WebhookJson.text(dataPoint, "name").orElse(""));
    if (!name.matches()) {
      throw new FetchException(Reason.REJECTED, "fitbit: an exercise without a usable name");
    }
    return name.group(1);
  }

  private static boolean overlaps(JsonNode dataPoint, TimeWindow window) {
    JsonNode exercise = dataPoint.get("exercise");
    JsonNode interval = exercise == null ? null : exercise.get("interval");
    Optional<Instant> start = instant(interval, "startTime");
    Optional<Instant> end = instant(interval, "endTime");
    return start.isPresent() && end.isPresent() && window.overlaps(start.get(), end.get());
  }

  private static Optional<Instant> instant(JsonNode node, String field) {
    Optional<String> value = WebhookJson.text(node, field);
    try {
      return value.map(Instant::parse);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The next page's token: an opaque string of at most 2048 characters. */
  private static Optional<String> pageToken(JsonNode answer) {
    JsonNode token = answer.get("nextPageToken");
    if (token == null || token.isNull() || (token.isString() && token.stringValue().isEmpty())) {
      return Optional.empty();
    }
    if (!token.isString() || token.stringValue().length() > 2048) {
      throw new FetchException(Reason.REJECTED, "fitbit: an unusable page token");
    }
    return Optional.of(token.stringValue());
  }

  private static JsonNode json(byte[] body) {
    return WebhookJson.parse(body)
        .filter(JsonNode::isObject)
        .orElseThrow(() -> new FetchException(Reason.REJECTED, "fitbit: the list is not JSON"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
