package app.stride.devices.application.port.out;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A signed request the client sends itself to put one object into the region's bucket.
 *
 * @param url the signed URL (its query carries the signature; never log it)
 * @param method the HTTP method, {@code PUT}
 * @param headers the headers the client must send with exactly these values (they are part of the
 *     signature); {@code Host} is left out, the client's HTTP stack sets it
 * @param expiresAt when the URL stops working
 */
public record PresignedUpload(
    URI url, String method, Map<String, String> headers, Instant expiresAt) {
  public PresignedUpload {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(expiresAt, "expiresAt");
    headers = Map.copyOf(headers);
  }

  @Override
  public String toString() {
    return "PresignedUpload[" + method + " " + url.getPath() + ", expires " + expiresAt + "]";
  }
}
