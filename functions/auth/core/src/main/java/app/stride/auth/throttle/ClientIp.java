package app.stride.auth.throttle;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The bucket an IP address is counted in: an IPv4 address as it is, an IPv6 address by its /64
 * prefix (one subscriber gets a whole /64, so counting single IPv6 addresses would let an attacker
 * rotate through billions of them), an IPv4-mapped IPv6 address as its IPv4 address, and anything
 * that is not an IP literal in one shared bucket (so malformed values cannot be rotated either).
 * Never resolves host names.
 */
final class ClientIp {

  /** The shared bucket of values that are not IP literals. */
  static final String INVALID = "invalid";

  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

  /** Starts with a hex digit or ':', so InetAddress parses it as a literal and never asks DNS. */
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");

  private ClientIp() {}

  static String bucket(String ip) {
    Objects.requireNonNull(ip, "ip");
    String trimmed = ip.strip();
    if (IPV4.matcher(trimmed).matches()) {
      return trimmed;
    }
    int zone = trimmed.indexOf('%');
    String literal = zone >= 0 ? trimmed.substring(0, zone) : trimmed;
    if (literal.indexOf(':') < 0 || !IPV6_CHARS.matcher(literal).matches()) {
      return INVALID;
    }
    try {
      // With a ':' in it, getByName parses a literal and never asks DNS.
      InetAddress address = InetAddress.getByName(literal);
      if (address instanceof Inet4Address) {
        return address.getHostAddress();
      }
      byte[] bytes = address.getAddress();
      return HexFormat.of().formatHex(bytes, 0, 8) + "/64";
    } catch (UnknownHostException e) {
      return INVALID;
    }
  }
}
