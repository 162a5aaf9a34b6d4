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

  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

  private IpLiteral() {}

  /** The normalized address {@code text} spells, or empty when it is not exactly a literal. */
  public static Optional<String> parse(String text) {
    if (text == null || text.isEmpty() || text.length() > MAX_CHARS) {
      return Optional.empty();
    }
    if (isIpv4(text)) {
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

  /**
   * Whether {@code text} is a dotted quad of decimal octets 0 to 255 without leading zeros ({@code
   * 010.1.1.1} is refused: some parsers read it as octal). A loop, not a regex: it runs on every
   * request that reports a viewer's address.
   */
  static boolean isIpv4(String text) {
    int octets = 0;
    int i = 0;
    int length = text.length();
    while (i < length) {
      int start = i;
      int value = 0;
      while (i < length && i - start < 3 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        value = value * 10 + (text.charAt(i) - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || value > 255 || (digits > 1 && text.charAt(start) == '0')) {
        return false;
      }
      octets++;
      if (i == length) {
        return octets == 4;
      }
      if (octets == 4 || text.charAt(i) != '.') {
        return false;
      }
      i++;
    }
    return false; // empty, or ends with '.'
  }
}
