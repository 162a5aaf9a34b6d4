package app.stride.edge.function;

import app.stride.core.http.ApiRequest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The viewer's address as Stride's CDN reports it in {@value #HEADER}: on AWS a CloudFront Function
 * writes the address the viewer connected from into it (infra-cdktf {@code ViewerAddressFunction}),
 * because API Gateway's own source address is then CloudFront's, shared by every viewer of an edge
 * location.
 *
 * <p>Anyone can send this header to the API's own endpoint, so it is read only for requests that
 * proved they came through the CDN ({@link OriginVerification}); elsewhere it is ignored. Accepted
 * values: an IPv4 or IPv6 literal, optionally with a port ({@code 203.0.113.7:443}, {@code
 * [2001:db8::1]:443}); an unbracketed IPv6 value is read whole, as an address. Anything else (a
 * list, a host name, a bad port, an oversized value) counts as absent, and the request keeps the
 * source address the platform gave it.
 */
public final class ViewerAddress {
  /** The header the CDN sets (infra-cdktf {@code ViewerAddressFunction.HEADER}). */
  public static final String HEADER = "X-Stride-Viewer-Address";

  private static final int MAX_CHARS = 64;
  private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]]+)\\](?::(\\d{1,5}))?");
  private static final Pattern IPV4_AND_PORT = Pattern.compile("([0-9.]+):(\\d{1,5})");

  private ViewerAddress() {}

  /** The address in {@code request}'s {@value #HEADER}, when it holds one. */
  public static Optional<String> of(ApiRequest request) {
    return request.header(HEADER).flatMap(ViewerAddress::parse);
  }

  /** The normalized address {@code value} names, or empty when it is not one of the forms above. */
  public static Optional<String> parse(String value) {
    if (value == null || value.length() > MAX_CHARS) {
      return Optional.empty();
    }
    String text = value.strip();
    if (text.indexOf('[') < 0 && text.indexOf(':') < 0) {
      // the usual IPv4 value: neither form with a port can match (both need a ':' or a '[')
      return IpLiteral.parse(text);
    }
    Matcher bracketed = BRACKETED.matcher(text);
    if (bracketed.matches()) {
      return validPort(bracketed.group(2)) ? IpLiteral.parse(bracketed.group(1)) : Optional.empty();
    }
    Matcher withPort = IPV4_AND_PORT.matcher(text);
    if (withPort.matches()) {
      return validPort(withPort.group(2)) ? IpLiteral.parse(withPort.group(1)) : Optional.empty();
    }
    return IpLiteral.parse(text);
  }

  /** The request with its source address replaced by the viewer's, when the header names one. */
  static ApiRequest resourced(ApiRequest request) {
    return of(request).map(request::withSourceIp).orElse(request);
  }

  private static boolean validPort(String port) {
    return port == null || Integer.parseInt(port) <= 65_535;
  }
}
