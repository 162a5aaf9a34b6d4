package app.stride.devices.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The allow-list check for URLs a notification names (a file to download, a callback to pull): only
 * {@code https}, on the default port, without user info, on one of the provider's own hosts. A URL
 * an attacker chose (a cloud metadata address, an internal host, a look-alike domain) is never
 * fetched: this is the SSRF guard, applied before anything is queued.
 */
public final class TrustedUrls {
  private static final int MAX_LENGTH = 2048;

  private final Set<String> hosts;

  /**
   * @param hosts exact host names (lower case), or suffixes starting with a dot (e.g. {@code
   *     .coros.com} allows any sub-domain of {@code coros.com}, never {@code coros.com.evil})
   */
  public TrustedUrls(Set<String> hosts) {
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("at least one trusted host is needed");
    }
    for (String host : hosts) {
      if (!host.equals(host.toLowerCase(Locale.ROOT)) || host.equals(".") || host.isBlank()) {
        throw new IllegalArgumentException("trusted hosts are lower-case names: " + host);
      }
    }
    this.hosts = Set.copyOf(hosts);
  }

  /** The trusted hosts, as configured. */
  public Set<String> hosts() {
    return hosts;
  }

  /**
   * The URL, when it is on a trusted host.
   *
   * @return the parsed URL, or empty when it is malformed or not trusted
   */
  public Optional<URI> parse(String raw) {
    if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(raw);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    if (!"https".equalsIgnoreCase(uri.getScheme())
        || uri.getRawUserInfo() != null
        || uri.getHost() == null
        || (uri.getPort() != -1 && uri.getPort() != 443)) {
      return Optional.empty();
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    return trusted(host) ? Optional.of(uri) : Optional.empty();
  }

  private boolean trusted(String host) {
    for (String entry : hosts) {
      if (entry.startsWith(".")) {
        if (host.endsWith(entry) && host.length() > entry.length()) {
          return true;
        }
      } else if (host.equals(entry)) {
        return true;
      }
    }
    return false;
  }
}
