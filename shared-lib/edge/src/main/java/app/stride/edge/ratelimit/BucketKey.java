package app.stride.edge.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
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

  /**
   * One digest per thread (each {@code digest()} resets it), so the algorithm is not looked up
   * among the security providers twice per request (user and address buckets).
   */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(BucketKey::sha256);

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

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
    byte[] hash = SHA_256.get().digest(subject.getBytes(StandardCharsets.UTF_8));
    return BASE64URL.encodeToString(Arrays.copyOf(hash, 16));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
