package app.stride.devices.aws.adapter.out.dynamodb;

import app.stride.devices.domain.ActivityId;
import app.stride.devices.domain.ImportId;
import app.stride.devices.domain.Provider;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The sort keys of the devices table and the start key of the {@value ActivityItem#BY_START} index.
 * One partition per user holds four kinds of item, told apart by the sort key's prefix, beside the
 * user's connections ({@code CONNECTION#<provider>}) and, once the account is erased, its marker
 * ({@link #ERASED}).
 */
final class SortKeys {
  static final String ACTIVITY = "ACTIVITY#";
  static final String SOURCE = "SOURCE#";
  static final String IMPORT = "IMPORT#";
  static final String SHA = "SHA#";

  /**
   * The sort key of an erased account's marker ({@link ErasedAccountItem}): it begins with none of
   * the prefixes above, which the erasure deletes by, so it outlives the erasure.
   */
  static final String ERASED = "ERASED";

  /**
   * Start instants in one width (nanoseconds always written), so start keys sort as the instants
   * do; {@code Instant.toString()} drops zero fractions and would sort {@code 06:00:00.5Z} before
   * {@code 06:00:00Z}.
   */
  private static final DateTimeFormatter FIXED_WIDTH =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private SortKeys() {}

  static String activity(ActivityId id) {
    return ACTIVITY + id.value();
  }

  static String source(Provider provider, String externalId) {
    return SOURCE + provider.wire() + "#" + externalId;
  }

  static String importJob(ImportId id) {
    return IMPORT + id.value();
  }

  static String sha256(String sha256) {
    return SHA + sha256;
  }

  /** The index sort key of an activity: its start (fixed width) and id. */
  static String startKey(Instant start, ActivityId id) {
    return instant(start) + "#" + id.value();
  }

  /**
   * An instant as start keys begin: {@code <instant>} sorts before every key of an activity
   * starting at or after it and after every key of one starting before it.
   */
  static String instant(Instant at) {
    return FIXED_WIDTH.format(at);
  }
}
