package app.stride.devices.pull;

import app.stride.devices.connection.Secret;
import app.stride.devices.domain.Provider;
import app.stride.devices.files.MediaTypes;
import app.stride.devices.webhook.TrustedUrls;
import app.stride.devices.webhook.WebhookNotification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Suunto Cloud API: the workout a {@code WORKOUT_CREATED} notification names, as FIT, from {@code
 * GET {base}/v2/workout/exportFit/{workoutKey}} with the user's bearer token and the app's API
 * Management subscription key in {@value #SUBSCRIPTION_HEADER}. The path comes from independent
 * integrations; Suunto's guides show the token sent without the {@code Bearer} scheme, which Azure
 * API Management accepts either way (unverified against a live account).
 */
public final class SuuntoFetcher implements ActivityFetcher {
  /** The header carrying the app's subscription key. */
  public static final String SUBSCRIPTION_HEADER = "Ocp-Apim-Subscription-Key";

  /** Suunto's API host (a redirect may lead only there). */
  public static final Set<String> DEFAULT_HOSTS = Set.of("cloudapi.suunto.com");

  private final ProviderHttp http;
  private final ApiHosts hosts;
  private final Secret subscriptionKey;

  /**
   * @param subscriptionKey the app's Suunto API Zone subscription key
   */
  public SuuntoFetcher(ProviderHttp http, ProviderApis apis, Secret subscriptionKey) {
    this.http = http;
    this.hosts = new ApiHosts(Provider.SUUNTO, apis, new TrustedUrls(DEFAULT_HOSTS));
    this.subscriptionKey = Objects.requireNonNull(subscriptionKey, "subscriptionKey");
  }

  @Override
  public Provider provider() {
    return Provider.SUUNTO;
  }

  @Override
  public List<FetchedActivity> fetch(WebhookNotification notification, Secret accessToken) {
    if (!Announcements.announcesActivity(notification, Provider.SUUNTO)) {
      return List.of();
    }
    String key = hosts.pathId(notification.providerActivityId());
    Map<String, String> headers = new HashMap<>(ProviderHttp.bearer(accessToken));
    headers.put(SUBSCRIPTION_HEADER, subscriptionKey.reveal());
    byte[] fit = http.file(hosts, hosts.api("/v2/workout/exportFit/" + key), headers);
    return List.of(ActivityBytes.parse(Provider.SUUNTO, key, fit, MediaTypes.FIT, http.limits()));
  }
}
