package app.stride.devices.pull;

import app.stride.devices.connection.Secret;
import app.stride.devices.domain.Provider;
import app.stride.devices.webhook.TrustedUrls;
import app.stride.devices.webhook.WebhookNotification;
import app.stride.devices.webhook.coros.CorosWebhookReceiver;
import java.util.List;

/**
 * COROS: the FIT file of a workout push, from the entry's {@code fitUrl} on a COROS host ({@code
 * *.coros.com}), without a token. COROS documents its API to partners only: that the link needs no
 * token is unverified. The URL is checked against the trusted hosts again before the request.
 */
public final class CorosFetcher implements ActivityFetcher {
  private final FileUrlFetcher files;

  /** Files on the receiver's default hosts. */
  public CorosFetcher(ProviderHttp http, ProviderApis apis) {
    this(http, apis, new TrustedUrls(CorosWebhookReceiver.DEFAULT_HOSTS));
  }

  /**
   * @param fileHosts the hosts file URLs may be on (the receiver's, when configured otherwise)
   */
  public CorosFetcher(ProviderHttp http, ProviderApis apis, TrustedUrls fileHosts) {
    this.files = new FileUrlFetcher(Provider.COROS, http, apis, fileHosts);
  }

  @Override
  public Provider provider() {
    return Provider.COROS;
  }

  @Override
  public List<FetchedActivity> fetch(WebhookNotification notification, Secret accessToken) {
    return files.fetch(notification, accessToken);
  }
}
