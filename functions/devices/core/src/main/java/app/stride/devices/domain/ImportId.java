package app.stride.devices.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The id of an import (one uploaded file or app upload and its processing): {@code i_} and 26
 * time-ordered base32 characters.
 */
public record ImportId(String value) {
  private static final Pattern FORM = TimeOrderedId.form("i_");

  public ImportId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("id must match " + FORM.pattern());
    }
  }

  /** A new id created at {@code now}. */
  public static ImportId next(Instant now, RandomGenerator random) {
    return new ImportId(TimeOrderedId.next("i_", now, random));
  }

  /** The id {@code value} stands for, or empty when it is not one. */
  public static Optional<ImportId> parse(String value) {
    return value != null && FORM.matcher(value).matches()
        ? Optional.of(new ImportId(value))
        : Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
