package app.stride.devices.pull;

import app.stride.devices.domain.Provider;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where each provider's API lives. Production defaults, with their sources:
 *
 * <ul>
 *   <li>Polar AccessLink {@code https://www.polaraccesslink.com} (AccessLink v3 reference);
 *   <li>Suunto Cloud API {@code https://cloudapi.suunto.com} (Suunto API Zone guides);
 *   <li>Fitbit: the Google Health API {@code https://health.googleapis.com} (its v4 REST reference;
 *       the legacy Fitbit Web API was turned off on 2026-11-02);
 *   <li>Strava {@code https://www.strava.com} (API v3 under {@code /api/v3}, Strava reference);
 *   <li>Garmin {@code https://apis.garmin.com} (the host of the notifications' URLs; nothing is
 *       built on it, the fetcher only follows URLs Garmin sent);
 *   <li>Wahoo {@code https://api.wahooligan.com} (Wahoo Cloud API; not called: files come from the
 *       notification's CDN URL);
 *   <li>COROS {@code https://open.coros.com} — <b>unverified</b> (COROS documents its API to
 *       partners only; not called: files come from the notification's URL).
 * </ul>
 *
 * <p>An override (tests, the local platform) comes from {@code STRIDE_PROVIDER_API_<PROVIDER>},
 * e.g. {@code STRIDE_PROVIDER_API_STRAVA=http://127.0.0.1:8089}: an absolute {@code http(s)} URL
 * without query. It replaces the base and also <em>reroutes</em> the URLs that notifications name
 * (a Wahoo file on {@code cdn.wahooligan.com}, a Garmin callback): such a URL is still checked
 * against the provider's trusted hosts as notified, then sent to the override's origin with its
 * path and query kept. Without an override nothing is rerouted. Overrides are operator
 * configuration, never input from a request.
 *
 * @param bases the API base of each provider (no trailing slash)
 * @param reroutes the origin notified URLs of a provider are sent to instead, when overridden
 */
public record ProviderApis(Map<Provider, URI> bases, Map<Provider, URI> reroutes) {
  /** The environment variable prefix of an override. */
  public static final String ENV_PREFIX = "STRIDE_PROVIDER_API_";

  private static final Map<Provider, URI> DEFAULTS =
      Map.of(
          Provider.POLAR, URI.create("https://www.polaraccesslink.com"),
          Provider.SUUNTO, URI.create("https://cloudapi.suunto.com"),
          Provider.FITBIT, URI.create("https://health.googleapis.com"),
          Provider.STRAVA, URI.create("https://www.strava.com"),
          Provider.GARMIN, URI.create("https://apis.garmin.com"),
          Provider.WAHOO, URI.create("https://api.wahooligan.com"),
          Provider.COROS, URI.create("https://open.coros.com"));

  public ProviderApis {
    bases = Map.copyOf(bases);
    reroutes = Map.copyOf(reroutes);
  }

  /** The production bases, nothing rerouted. */
  public static ProviderApis defaults() {
    return new ProviderApis(DEFAULTS, Map.of());
  }

  /**
   * The defaults with the overrides the environment sets ({@value #ENV_PREFIX}{@code <PROVIDER>}).
   *
   * @throws IllegalArgumentException when an override is not an absolute http(s) URL
   */
  public static ProviderApis fromEnv(Map<String, String> env) {
    ProviderApis apis = defaults();
    for (Provider provider : DEFAULTS.keySet()) {
      String value = env.get(variable(provider));
      if (value != null && !value.isBlank()) {
        apis = apis.withOverride(provider, parse(value.strip()));
      }
    }
    return apis;
  }

  /** The variable overriding a provider's API, e.g. {@code STRIDE_PROVIDER_API_STRAVA}. */
  public static String variable(Provider provider) {
    return ENV_PREFIX + provider.name().toUpperCase(Locale.ROOT);
  }

  /** These bases with {@code provider}'s API (and its notified URLs) sent to {@code base}. */
  public ProviderApis withOverride(Provider provider, URI base) {
    URI clean = clean(base);
    Map<Provider, URI> newBases = new EnumMap<>(Provider.class);
    newBases.putAll(bases);
    newBases.put(provider, clean);
    Map<Provider, URI> newReroutes = new EnumMap<>(Provider.class);
    newReroutes.putAll(reroutes);
    newReroutes.put(provider, clean);
    return new ProviderApis(newBases, newReroutes);
  }

  /** The API base of a provider, without a trailing slash. */
  public URI base(Provider provider) {
    URI base = bases.get(provider);
    if (base == null) {
      throw new IllegalArgumentException("no API configured for " + provider.wire());
    }
    return base;
  }

  /** Where a notified URL (already checked against the trusted hosts) is actually requested. */
  public URI route(Provider provider, URI notified) {
    URI origin = reroutes.get(provider);
    if (origin == null) {
      return notified;
    }
    String path = notified.getRawPath() == null ? "" : notified.getRawPath();
    String query = notified.getRawQuery() == null ? "" : "?" + notified.getRawQuery();
    return URI.create(origin + path + query);
  }

  private static URI parse(String value) {
    try {
      return clean(new URI(value));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("a provider API override is not a URL", e);
    }
  }

  private static URI clean(URI base) {
    Objects.requireNonNull(base, "base");
    String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http"))
        || base.getHost() == null
        || base.getRawQuery() != null
        || base.getRawFragment() != null
        || base.getRawUserInfo() != null) {
      throw new IllegalArgumentException("a provider API base is an absolute http(s) URL");
    }
    String text = base.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    return URI.create(text);
  }
}
