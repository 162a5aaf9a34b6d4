package app.stride.edge.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/**
 * Which bucket: a route class, a dimension and a digest of the subject (user id or IP). The raw
 * subject is never kept: it is hashed (SHA-256, first 128 bits, base64url), so a hostile value
 * cannot make a key large and Redis holds no user id or address in clear.
 *
 * @param routeClass the route class name
 * @param dimension user or ip
 * @param subjectDigest 22 base64url characters
 */
public record BucketKey(String routeClass, Dimension dimension, String subjectDigest) {

  /** Namespace of every Redis key the rate limiter writes. */
  public static final String PREFIX = "stride:ratelimit:";

  public BucketKey {
    Objects.requireNonNull(routeClass, "routeClass");
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(subjectDigest, "subjectDigest");
  }

  /** The key of {@code subject}'s bucket; the subject itself is only hashed. */
  public static BucketKey of(String routeClass, Dimension dimension, String subject) {
    Objects.requireNonNull(subject, "subject");
    return new BucketKey(routeClass, dimension, digest(subject));
  }

  /** {@code stride:ratelimit:<class>:<dimension>:<digest>}, at most about 80 characters. */
  public String redisKey() {
    return PREFIX + routeClass + ":" + dimension.id() + ":" + subjectDigest;
  }

  private static String digest(String subject) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
      byte[] half = new byte[16];
      System.arraycopy(hash, 0, half, 0, half.length);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(half);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
