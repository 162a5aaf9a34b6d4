package app.stride.auth.domain;

import java.util.Objects;
import java.util.UUID;

/** An account's id: a random UUID, the {@code sub} of its tokens. */
public record UserId(String value) {
  public UserId {
    Objects.requireNonNull(value, "value");
    if (!value.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
      throw new IllegalArgumentException("a user id is a lower-case UUID");
    }
  }

  /** A fresh random id. */
  public static UserId random() {
    return new UserId(UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
