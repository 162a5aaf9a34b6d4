package app.stride.devices.connection;

import app.stride.devices.domain.Provider;
import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a provider is told that a user disconnected, so it stops sending their data and forgets our
 * grant: one request carrying the user's token. Sources per provider are in {@code
 * docs/devices-webhooks.md}.
 *
 * @param provider the provider
 * @param method the HTTP method ({@code POST} or {@code DELETE})
 * @param url the endpoint, an absolute http(s) URL; a {@code {user}} in it is replaced by the
 *     provider's user id
 * @param token how the access token travels
 * @param verified whether the endpoint was checked against the provider's published documentation
 */
public record ProviderRevocation(
    Provider provider, String method, String url, TokenPlacement token, boolean verified) {

  /** Where the revocation request carries the token. */
  public enum TokenPlacement {
    /** {@code Authorization: Bearer <token>}, no body. */
    BEARER,
    /** A form body {@code access_token=<token>} (Strava). */
    FORM_ACCESS_TOKEN,
    /** A form body {@code token=<token>} (RFC 7009, Google). */
    FORM_TOKEN
  }

  private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  /** The placeholder of the provider's user id in {@link #url()}. */
  public static final String USER_PLACEHOLDER = "{user}";

  public ProviderRevocation {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(token, "token");
    if (!"POST".equals(method) && !"DELETE".equals(method)) {
      throw new IllegalArgumentException("a revocation is a POST or a DELETE");
    }
    URI probe = URI.create(url.replace(USER_PLACEHOLDER, "user"));
    if (!probe.isAbsolute()
        || probe.getHost() == null
        || !("https".equals(probe.getScheme()) || "http".equals(probe.getScheme()))) {
      throw new IllegalArgumentException("a revocation URL is an absolute http(s) URL");
    }
  }

  /** The same revocation sent to another URL (a local stand-in), placeholder kept. */
  public ProviderRevocation at(String value) {
    return new ProviderRevocation(provider, method, value, token, verified);
  }

  /**
   * The URL for one provider user. Ids are placed in a path only when they are plain ({@code
   * [A-Za-z0-9._-]}, 1 to 128 characters), so no id can reach another path.
   *
   * @throws IllegalArgumentException when the URL names the user and the id is not plain
   */
  public URI urlFor(String providerUserId) {
    if (!url.contains(USER_PLACEHOLDER)) {
      return URI.create(url);
    }
    if (providerUserId == null
        || !PLAIN_ID.matcher(providerUserId).matches()
        || providerUserId.chars().allMatch(c -> c == '.')) {
      throw new IllegalArgumentException("the provider's user id cannot be placed in a path");
    }
    return URI.create(url.replace(USER_PLACEHOLDER, providerUserId));
  }
}
