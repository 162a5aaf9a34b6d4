package app.stride.devices.pull;

import app.stride.devices.connection.Secret;
import app.stride.devices.domain.Provider;
import app.stride.devices.webhook.TrustedUrls;
import app.stride.devices.webhook.WebhookNotification;
import app.stride.devices.webhook.wahoo.WahooWebhookReceiver;
import java.util.List;

/**
 * Wahoo Cloud API: the FIT file of a {@code workout_summary} event, from the notification's {@code
 * file.url} on Wahoo's CDN ({@code cdn.wahooligan.com}), without a token (the CDN links are public;
 * unverified that they stay so). The URL is checked against the trusted hosts again before the
 * request.
 */
public final class WahooFetcher implements ActivityFetcher {
  private final FileUrlFetcher files;

  /** Files on the receiver's default hosts. */
  public WahooFetcher(ProviderHttp http, ProviderApis apis) {
    this(http, apis, new TrustedUrls(WahooWebhookReceiver.DEFAULT_HOSTS));
  }

  /**
   * @param fileHosts the hosts file URLs may be on (the receiver's, when configured otherwise)
   */
  public WahooFetcher(ProviderHttp http, ProviderApis apis, TrustedUrls fileHosts) {
    this.files = new FileUrlFetcher(Provider.WAHOO, http, apis, fileHosts);
  }

  @Override
  public Provider provider() {
    return Provider.WAHOO;
  }

  @Override
  public List<FetchedActivity> fetch(WebhookNotification notification, Secret accessToken) {
    return files.fetch(notification, accessToken);
  }
}
