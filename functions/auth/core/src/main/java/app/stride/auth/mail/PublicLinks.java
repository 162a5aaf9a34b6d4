package app.stride.auth.mail;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Builds the links in mails from the public base URL of the web app: {@code <base><path>} or {@code
 * <base><path>?token=<URL-encoded token>}.
 *
 * <p>The base must be {@code https}, or {@code http} on a loopback host (the local platform), so a
 * one-time token never travels in clear text across a network.
 */
final class PublicLinks {
  private static final Set<String> LOOPBACK_HOSTS =
      Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final String base;

  PublicLinks(URI publicBaseUrl) {
    Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
    requireUsable(publicBaseUrl);
    String ascii = publicBaseUrl.toASCIIString();
    this.base = ascii.endsWith("/") ? ascii.substring(0, ascii.length() - 1) : ascii;
  }

  /** {@code <base><path>}. */
  String page(String path) {
    return base + path;
  }

  /** {@code <base><path>?token=<token>}, the token URL-encoded. */
  String withToken(String path, String token) {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("token must not be blank");
    }
    return base + path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  private static void requireUsable(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    if (host.isEmpty() || url.getRawUserInfo() != null) {
      throw new IllegalArgumentException("public base URL needs a host and no user info");
    }
    if (url.getRawQuery() != null || url.getRawFragment() != null) {
      throw new IllegalArgumentException("public base URL must not have a query or fragment");
    }
    boolean secure = scheme.equals("https");
    boolean local = scheme.equals("http") && LOOPBACK_HOSTS.contains(host);
    if (!secure && !local) {
      throw new IllegalArgumentException(
          "public base URL must be https (http only on a loopback host)");
    }
  }
}
