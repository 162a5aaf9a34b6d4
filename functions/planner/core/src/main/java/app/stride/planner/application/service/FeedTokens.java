package app.stride.planner.application.service;

import app.stride.core.region.RegionId;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calendar feed tokens: {@code <region>.<secret>}, the secret 32 random bytes in base64url without
 * padding (43 characters). Only the SHA-256 of the secret bytes is stored (base64url).
 */
final class FeedTokens {
  /** Secret length in bytes. */
  static final int SECRET_BYTES = 32;

  private static final Pattern FORM =
      Pattern.compile("([a-z][a-z0-9-]{1,15})\\.([A-Za-z0-9_-]{43})");
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecureRandom random = new SecureRandom();

  /**
   * A token and the hash to store.
   *
   * @param token the token
   * @param hash its secret's hash
   */
  record Minted(String token, String hash) {}

  /**
   * A well-formed token's parts.
   *
   * @param region the region in its prefix
   * @param hash its secret's hash
   */
  record Parsed(RegionId region, String hash) {}

  /** A new token of {@code region}. */
  Minted mint(RegionId region) {
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(secret);
    return new Minted(region.value() + "." + ENCODER.encodeToString(secret), hash(secret));
  }

  /** The parts of {@code token}; empty unless it has exactly the form {@link #mint} gives. */
  static Optional<Parsed> parse(String token) {
    Matcher m = token == null ? null : FORM.matcher(token);
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    byte[] secret = DECODER.decode(m.group(2));
    if (!ENCODER.encodeToString(secret).equals(m.group(2))) {
      return Optional.empty(); // non-canonical trailing bits: not a token this service minted
    }
    return Optional.of(new Parsed(RegionId.of(m.group(1)), hash(secret)));
  }

  /** Whether two stored hashes are equal, in time independent of where they differ. */
  static boolean sameHash(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        b.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  private static String hash(byte[] secret) {
    try {
      return ENCODER.encodeToString(MessageDigest.getInstance("SHA-256").digest(secret));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
