package app.stride.devices.pull;

import app.stride.devices.connection.Secret;
import app.stride.devices.domain.Provider;
import app.stride.devices.files.MediaTypes;
import app.stride.devices.webhook.TrustedUrls;
import app.stride.devices.webhook.WebhookNotification;
import app.stride.devices.webhook.polar.PolarWebhookReceiver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Polar AccessLink: the exercise an {@code EXERCISE} event names, as FIT, from {@code GET
 * {base}/v3/exercises/{id}/fit} with the user's bearer token. The id is the event's {@code
 * entity_id}; the event's {@code url} (checked by the receiver) is not needed, the path is built on
 * the configured base.
 */
public final class PolarFetcher implements ActivityFetcher {
  private final ProviderHttp http;
  private final ApiHosts hosts;

  public PolarFetcher(ProviderHttp http, ProviderApis apis) {
    this.http = http;
    this.hosts =
        new ApiHosts(Provider.POLAR, apis, new TrustedUrls(PolarWebhookReceiver.DEFAULT_HOSTS));
  }

  @Override
  public Provider provider() {
    return Provider.POLAR;
  }

  @Override
  public List<FetchedActivity> fetch(WebhookNotification notification, Secret accessToken) {
    if (!Announcements.announcesActivity(notification, Provider.POLAR)) {
      return List.of();
    }
    String id = hosts.pathId(notification.providerActivityId());
    Map<String, String> headers = new HashMap<>(ProviderHttp.bearer(accessToken));
    headers.put("Accept", "*/*");
    byte[] fit = http.file(hosts, hosts.api("/v3/exercises/" + id + "/fit"), headers);
    return List.of(ActivityBytes.parse(Provider.POLAR, id, fit, MediaTypes.FIT, http.limits()));
  }
}
