package app.stride.testkit.junit;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Names that no earlier test (in this JVM or an earlier run against the same long-lived server)
 * used: {@code <prefix>-<random>-<counter>}. Valid as Pub/Sub topic and subscription ids, Kafka
 * topics, SQS queues and DynamoDB tables.
 */
public final class UniqueNames {

  private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
  private static final AtomicLong COUNTER = new AtomicLong();
  private static final String RUN_ID = randomToken();

  private UniqueNames() {}

  /** A fresh name starting with {@code prefix} (a letter, then letters, digits, '-' or '_'). */
  public static String uniqueName(String prefix) {
    if (prefix == null || !PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "prefix must start with a letter and hold at most 64 letters, digits, '-' or '_': "
              + prefix);
    }
    return prefix + "-" + RUN_ID + "-" + COUNTER.incrementAndGet();
  }

  private static String randomToken() {
    return Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);
  }
}
