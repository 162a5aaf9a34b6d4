package app.stride.social.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A chat message's id, {@code m<10 base32 characters of the sending millisecond><16 random>}: ids
 * sort in sending order (ties broken at random, once), which is the history's stable order.
 *
 * @param value the id
 */
public record MessageId(String value) implements Comparable<MessageId> {
  private static final Pattern FORM = Pattern.compile("m[0-9a-z]{26}");

  public MessageId {
    Objects.requireNonNull(value, "value");
    if (!FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("not a message id");
    }
  }

  /** Whether {@code value} is a well-formed message id. */
  public static boolean isValid(String value) {
    return value != null && FORM.matcher(value).matches();
  }

  /** A new id for a message sent at {@code sentAt}. */
  public static MessageId newAt(Instant sentAt, RandomIds ids) {
    return new MessageId("m" + RandomIds.time(sentAt.toEpochMilli()) + ids.random(16));
  }

  @Override
  public int compareTo(MessageId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
