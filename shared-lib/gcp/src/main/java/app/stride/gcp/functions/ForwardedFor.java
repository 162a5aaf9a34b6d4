package app.stride.gcp.functions;

import app.stride.core.config.Env;
import app.stride.edge.function.IpLiteral;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which entry of {@code X-Forwarded-For} is the client, on GCP. Google's external Application Load
 * Balancer appends two entries, {@code <client IP>, <forwarding rule's external IP>}, after
 * whatever the request already carried; Google proxies further in (API Gateway, Cloud Run's front
 * end) may append more. Only the load balancer's two entries are verified (Google's load balancing
 * docs, "X-Forwarded-For header"): anything before them was written by the client and may be
 * forged, so the first entry is never trusted.
 *
 * <ul>
 *   <li>With the load balancer's address configured ({@value #LOAD_BALANCER_ENV}): the entry just
 *       before the <em>last</em> occurrence of that address. A client that writes the address
 *       itself only adds entries further left.
 *   <li>Without it, or when the address is not in the header (the request did not come through the
 *       load balancer): the last entry, appended by the platform in front of the function (Google's
 *       front end; locally, the region runtime), never by the client. Coarse in the cloud (a Google
 *       address), exact locally.
 * </ul>
 *
 * An entry that is not an IP literal gives {@link HttpRequests#UNKNOWN_SOURCE}.
 */
final class ForwardedFor {
  /** The environment variable with the load balancer's external address (the forwarding rule's). */
  static final String LOAD_BALANCER_ENV = "STRIDE_LB_ADDRESS";

  /** No load balancer configured: the last entry. */
  static final ForwardedFor LAST_HOP = new ForwardedFor(Optional.empty());

  private static final String HEADER = "X-Forwarded-For";

  /** More entries than any real chain; the rest is not read. */
  private static final int MAX_ENTRIES = 32;

  private final Optional<String> loadBalancer;

  private ForwardedFor(Optional<String> loadBalancer) {
    this.loadBalancer = Objects.requireNonNull(loadBalancer, "loadBalancer");
  }

  /** Behind the load balancer at {@code address} (an IP literal). */
  static ForwardedFor behind(String address) {
    return new ForwardedFor(
        Optional.of(
            IpLiteral.parse(address.strip())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            LOAD_BALANCER_ENV + " is not an IP address: " + address))));
  }

  /** From {@value #LOAD_BALANCER_ENV}; {@link #LAST_HOP} where it is unset. */
  static ForwardedFor fromEnv(Env env) {
    return env.optional(LOAD_BALANCER_ENV).map(ForwardedFor::behind).orElse(LAST_HOP);
  }

  /** The client's address in {@code headers}, or {@link HttpRequests#UNKNOWN_SOURCE}. */
  String client(Map<String, List<String>> headers) {
    List<String> entries = entries(headers);
    if (entries.isEmpty()) {
      return HttpRequests.UNKNOWN_SOURCE;
    }
    int pick = entries.size() - 1;
    if (loadBalancer.isPresent()) {
      int at = entries.lastIndexOf(loadBalancer.get());
      if (at > 0) {
        pick = at - 1;
      }
    }
    return entries.get(pick);
  }

  /** The entries of every {@code X-Forwarded-For} line in order, each an IP literal or "". */
  private static List<String> entries(Map<String, List<String>> headers) {
    List<String> entries = new ArrayList<>();
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (!header.getKey().equalsIgnoreCase(HEADER)) {
        continue;
      }
      for (String line : header.getValue()) {
        for (String entry : line.split(",", -1)) {
          if (entries.size() == MAX_ENTRIES) {
            entries.remove(0);
          }
          entries.add(IpLiteral.parse(entry.strip()).orElse(""));
        }
      }
    }
    entries.replaceAll(e -> e.isEmpty() ? HttpRequests.UNKNOWN_SOURCE : e);
    return entries;
  }
}
