package app.stride.devices.pull;

import app.stride.devices.domain.Provider;
import app.stride.devices.pull.FetchException.Reason;
import app.stride.devices.webhook.TrustedUrls;
import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One provider's side of the SSRF guard: URLs built on the configured API base are ours; any other
 * URL (named by a notification, an answer or a redirect) must be {@code https} on one of the
 * provider's trusted hosts before it is requested, and is then routed through {@link
 * ProviderApis#route}.
 */
final class ApiHosts {
  private static final Pattern PATH_ID = Pattern.compile("[A-Za-z0-9_\\-]{1,128}");

  private final Provider provider;
  private final ProviderApis apis;
  private final TrustedUrls trusted;

  ApiHosts(Provider provider, ProviderApis apis, TrustedUrls trusted) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.apis = Objects.requireNonNull(apis, "apis");
    this.trusted = Objects.requireNonNull(trusted, "trusted");
  }

  Provider provider() {
    return provider;
  }

  /** A URL on the configured API base; {@code pathAndQuery} starts with a slash. */
  URI api(String pathAndQuery) {
    return URI.create(apis.base(provider) + pathAndQuery);
  }

  /**
   * The URL to request for one a provider named, after the trusted-host check.
   *
   * @throws FetchException {@code REJECTED} when the URL is not on the provider's trusted hosts
   */
  URI named(URI url) {
    if (url == null) {
      throw new FetchException(Reason.REJECTED, provider.wire() + ": no URL to fetch");
    }
    return trusted
        .parse(url.toString())
        .map(checked -> apis.route(provider, checked))
        .orElseThrow(
            () ->
                new FetchException(
                    Reason.REJECTED, provider.wire() + ": a URL off the provider's hosts"));
  }

  /**
   * Where a redirect from {@code current} leads: a relative location stays on the origin already
   * trusted; an absolute one must pass {@link #named}.
   */
  URI redirect(URI current, String location) {
    URI target;
    try {
      target = URI.create(location.strip());
    } catch (IllegalArgumentException e) {
      throw new FetchException(Reason.REJECTED, provider.wire() + ": a malformed redirect");
    }
    return target.isAbsolute() ? named(target) : current.resolve(target);
  }

  /**
   * An identifier checked before it goes into a URL path: letters, digits, {@code _} and {@code -}.
   *
   * @throws FetchException {@code REJECTED} for anything else
   */
  String pathId(String id) {
    if (id == null || !PATH_ID.matcher(id).matches()) {
      throw new FetchException(
          Reason.REJECTED, provider.wire() + ": the notification's activity id is not usable");
    }
    return id;
  }
}
