package app.stride.bench.devices;

import app.stride.core.http.ApiRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Polar {@code EXERCISE} webhooks as Polar sends them, signed ahead of the measurement: the body
 * names a new exercise each time ({@code entity_id} from a counter that never repeats in a JVM) and
 * carries the given time, and {@code Polar-Webhook-Signature} is the hex HMAC-SHA256 of the body
 * under the signing key.
 */
final class SignedPolarWebhooks {
  /** The environment variable holding Polar's signing key. */
  static final String KEY_ENV = "STRIDE_WEBHOOK_POLAR_SIGNING_KEY";

  /** A development key; never a real one. */
  static final String KEY = "bench-polar-signing-key-not-a-secret";

  /** The route of Polar's webhooks in the EU region. */
  static final String PATH = "/v1/webhooks/polar/eu";

  private static long nextExercise;

  private SignedPolarWebhooks() {}

  /** {@code count} requests, each a new exercise, all sent at {@code sentAt}. */
  static ApiRequest[] batch(int count, Instant sentAt) {
    Mac mac = hmac(KEY);
    String timestamp = sentAt.truncatedTo(ChronoUnit.SECONDS).toString();
    ApiRequest[] requests = new ApiRequest[count];
    for (int i = 0; i < count; i++) {
      byte[] body = body(exerciseId(), timestamp);
      String signature = HexFormat.of().formatHex(mac.doFinal(body));
      requests[i] =
          new ApiRequest(
              "POST",
              PATH,
              Map.of(),
              Map.of("Content-Type", "application/json", "Polar-Webhook-Signature", signature),
              body,
              "203.0.113.9",
              "bench-" + i);
    }
    return requests;
  }

  /** An HMAC-SHA256 initialised with a key. */
  static Mac hmac(String key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static synchronized String exerciseId() {
    return "bench" + nextExercise++;
  }

  private static byte[] body(String exerciseId, String timestamp) {
    return ("{\"event\":\"EXERCISE\",\"user_id\":475,\"entity_id\":\""
            + exerciseId
            + "\",\"timestamp\":\""
            + timestamp
            + "\",\"url\":\"https://www.polaraccesslink.com/v3/exercises/"
            + exerciseId
            + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
