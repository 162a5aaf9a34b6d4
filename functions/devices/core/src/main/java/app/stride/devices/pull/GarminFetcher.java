package app.stride.devices.pull;

import app.stride.devices.connection.Secret;
import app.stride.devices.domain.Provider;
import app.stride.devices.files.MediaTypes;
import app.stride.devices.pull.FetchException.Reason;
import app.stride.devices.webhook.TrustedUrls;
import app.stride.devices.webhook.WebhookJson;
import app.stride.devices.webhook.WebhookNotification;
import app.stride.devices.webhook.garmin.GarminWebhookReceiver;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Garmin Health / Activity API, ping/pull. An {@code activityFiles} notification names the file
 * ({@code fileUrl}): it is downloaded with the user's bearer token. Any other activity list names a
 * {@code callbackUrl}: it is pulled (a JSON array, or an object of arrays) and every entry that
 * carries its own {@code callbackURL} is downloaded as that entry's file; entries without one
 * (summaries only) are skipped, their files arrive as {@code activityFiles}. Every URL, notified or
 * answered, must be {@code https} on Garmin's API host. The file format is told by the bytes (FIT,
 * TCX or GPX, as uploaded). Bearer tokens follow Garmin's OAuth 2.0 programme; the older OAuth 1.0a
 * signing is not supported (unverified against a live account).
 */
public final class GarminFetcher implements ActivityFetcher {
  /** The most files one pull may name. */
  static final int MAX_FILES = 50;

  private final ProviderHttp http;
  private final ApiHosts hosts;

  public GarminFetcher(ProviderHttp http, ProviderApis apis) {
    this(http, apis, new TrustedUrls(GarminWebhookReceiver.DEFAULT_HOSTS));
  }

  /**
   * @param trusted the hosts Garmin's URLs may be on (the receiver's)
   */
  public GarminFetcher(ProviderHttp http, ProviderApis apis, TrustedUrls trusted) {
    this.http = http;
    this.hosts = new ApiHosts(Provider.GARMIN, apis, trusted);
  }

  @Override
  public Provider provider() {
    return Provider.GARMIN;
  }

  @Override
  public List<FetchedActivity> fetch(WebhookNotification notification, Secret accessToken) {
    if (!Announcements.announcesActivity(notification, Provider.GARMIN)) {
      return List.of();
    }
    Map<String, String> headers = ProviderHttp.bearer(accessToken);
    if (notification.fileUrl() != null) {
      URI url = hosts.named(notification.fileUrl());
      return List.of(file(url, fileId(notification), headers));
    }
    if (notification.callbackUrl() == null) {
      return List.of();
    }
    byte[] answer = http.json(hosts, hosts.named(notification.callbackUrl()), headers);
    List<FetchedActivity> fetched = new ArrayList<>();
    for (Map.Entry<String, URI> entry : files(answer)) {
      fetched.add(file(entry.getValue(), entry.getKey(), headers));
    }
    return fetched;
  }

  /** Downloads a file whose URL already passed {@link ApiHosts#named}. */
  private FetchedActivity file(URI url, String id, Map<String, String> headers) {
    byte[] body = http.file(hosts, url, headers);
    return ActivityBytes.parse(Provider.GARMIN, id, body, MediaTypes.FIT, http.limits());
  }

  /** The id of a notified file: its summary id, else the URL's {@code id} parameter. */
  private static String fileId(WebhookNotification notification) {
    return notification
        .activityId()
        .or(() -> queryParameter(notification.fileUrl(), "id"))
        .orElseThrow(() -> new FetchException(Reason.REJECTED, "garmin: the file has no id"));
  }

  /**
   * The (id, file URL) of each entry of a pulled list that names a file; every URL is checked
   * before any is downloaded.
   */
  private List<Map.Entry<String, URI>> files(byte[] answer) {
    JsonNode json =
        WebhookJson.parse(answer)
            .orElseThrow(() -> new FetchException(Reason.REJECTED, "garmin: the pull is not JSON"));
    List<JsonNode> entries = new ArrayList<>();
    if (json.isArray()) {
      json.forEach(entries::add);
    } else if (json.isObject()) {
      json.forEach(list -> list.forEach(entries::add));
    }
    List<Map.Entry<String, URI>> files = new ArrayList<>();
    for (JsonNode entry : entries) {
      Optional<String> url = WebhookJson.url(entry, "callbackURL");
      if (url.isEmpty()) {
        continue;
      }
      Optional<String> id =
          WebhookJson.id(entry, "summaryId").or(() -> WebhookJson.id(entry, "activityId"));
      if (id.isEmpty()) {
        throw new FetchException(Reason.REJECTED, "garmin: a pulled file has no id");
      }
      URI uri;
      try {
        uri = URI.create(url.get());
      } catch (IllegalArgumentException e) {
        throw new FetchException(Reason.REJECTED, "garmin: a pulled file URL is malformed");
      }
      files.add(Map.entry(id.get(), hosts.named(uri)));
    }
    if (files.size() > MAX_FILES) {
      throw new FetchException(Reason.REJECTED, "garmin: the pull names too many files");
    }
    return files;
  }

  private static Optional<String> queryParameter(URI url, String name) {
    String query = url.getRawQuery();
    if (query == null) {
      return Optional.empty();
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        String value = pair.substring(name.length() + 1);
        return value.matches("[A-Za-z0-9._\\-]{1,128}") ? Optional.of(value) : Optional.empty();
      }
    }
    return Optional.empty();
  }
}
