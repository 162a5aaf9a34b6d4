package app.stride.edge.function;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address literal, as the edge's per-IP buckets key on it. Parsing never asks a
 * resolver: a string that is not literally an address (a host name, a zone id, a shortened IPv4
 * form such as {@code 10.1}) is refused. IPv6 is normalized to one spelling ({@code
 * 2001:db8:0:0:0:0:0:1}), so one address cannot pass as many; an IPv4-mapped IPv6 address becomes
 * its IPv4 address.
 */
public final class IpLiteral {
  /** Longer than any literal (IPv6 with an embedded IPv4 is 45 characters). */
  private static final int MAX_CHARS = 45;

  private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  private static final Pattern IPV4 = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

  private IpLiteral() {}

  /** The normalized address {@code text} spells, or empty when it is not exactly a literal. */
  public static Optional<String> parse(String text) {
    if (text == null || text.isEmpty() || text.length() > MAX_CHARS) {
      return Optional.empty();
    }
    if (IPV4.matcher(text).matches()) {
      return Optional.of(text);
    }
    if (text.indexOf(':') < 0 || !IPV6_CHARS.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      // a string with ':' and only hex digits, ':' and '.' is parsed as an IPv6 literal, no lookup
      return Optional.of(InetAddress.getByName(text).getHostAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
