package app.stride.core.auth;

import app.stride.core.region.RegionId;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Key ids that bind a signing key to one region: {@code <region>-<yyyyMMdd>-<8 hex>}, for example
 * {@code eu-20261126-1a2b3c4d}. A key of one region must never vouch for a user of another, so the
 * verifier accepts a token only when its {@code kid} has exactly this form for the token's {@code
 * home_region}.
 *
 * <p>The whole form is checked, not only the {@code <region>-} prefix: region ids may contain
 * dashes, and with a bare prefix check a key of a region {@code eu-west} ({@code
 * eu-west-20261126-...}) would pass as a key of {@code eu}.
 */
public final class RegionKeyIds {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
  private static final Pattern TAIL = Pattern.compile("[0-9]{8}-[0-9a-f]{8}");
  private static final RandomGenerator RANDOM = new SecureRandom();

  private RegionKeyIds() {}

  /**
   * A new key id for a key of {@code region} created at {@code createdAt} (UTC day), 32 random
   * bits.
   */
  public static String newKeyId(RegionId region, Instant createdAt) {
    return newKeyId(region, createdAt, RANDOM);
  }

  /** As {@link #newKeyId(RegionId, Instant)}, with the random bits drawn from {@code random}. */
  public static String newKeyId(RegionId region, Instant createdAt, RandomGenerator random) {
    Objects.requireNonNull(region, "region");
    return region.value()
        + "-"
        + DAY.format(createdAt)
        + "-"
        + HexFormat.of().toHexDigits(random.nextInt());
  }

  /**
   * Whether {@code kid} is a key id of {@code region}: {@code <region>-<yyyyMMdd>-<8 hex>} exactly.
   * A missing key id belongs to no region.
   */
  public static boolean belongsTo(String kid, RegionId region) {
    if (kid == null || region == null) {
      return false;
    }
    String prefix = region.value() + "-";
    return kid.startsWith(prefix)
        && TAIL.matcher(kid).region(prefix.length(), kid.length()).matches();
  }
}
