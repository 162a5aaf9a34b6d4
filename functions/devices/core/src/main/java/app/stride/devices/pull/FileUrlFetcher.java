package app.stride.devices.pull;

import app.stride.devices.connection.Secret;
import app.stride.devices.domain.Provider;
import app.stride.devices.files.MediaTypes;
import app.stride.devices.pull.FetchException.Reason;
import app.stride.devices.webhook.TrustedUrls;
import app.stride.devices.webhook.WebhookNotification;
import java.util.List;
import java.util.Map;

/**
 * The fetch of providers whose notification names the activity file itself (Wahoo, COROS): the file
 * is downloaded from the notified {@code fileUrl}, which must be on the provider's trusted hosts.
 * No token is sent: the URLs are links to the providers' file hosts, and a token goes only where it
 * is needed. A notification without a file (a manual entry) announces nothing to import.
 */
final class FileUrlFetcher {
  private final ProviderHttp http;
  private final ApiHosts hosts;

  FileUrlFetcher(Provider provider, ProviderHttp http, ProviderApis apis, TrustedUrls fileHosts) {
    this.http = http;
    this.hosts = new ApiHosts(provider, apis, fileHosts);
  }

  List<FetchedActivity> fetch(WebhookNotification notification, Secret accessToken) {
    Provider provider = hosts.provider();
    if (!Announcements.announcesActivity(notification, provider) || notification.file().isEmpty()) {
      return List.of();
    }
    String id = notification.activityId().orElse(null);
    if (id == null || id.isBlank()) {
      throw new FetchException(Reason.REJECTED, provider.wire() + ": no activity id");
    }
    byte[] fit = http.file(hosts, hosts.named(notification.fileUrl()), Map.of());
    return List.of(ActivityBytes.parse(provider, id, fit, MediaTypes.FIT, http.limits()));
  }
}
