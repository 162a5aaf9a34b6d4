package app.stride.devices.connection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A secret value (client secret, webhook signing key, verification code, webhook token). Its {@code
 * toString} never shows the value, so it cannot leak through a log line or an exception message;
 * comparisons are constant-time.
 */
public final class Secret {
  private final byte[] value;

  private Secret(byte[] value) {
    if (value.length == 0) {
      throw new IllegalArgumentException("a secret must not be empty");
    }
    this.value = value.clone();
  }

  /** A secret from its UTF-8 text form. */
  public static Secret of(String value) {
    if (value == null) {
      throw new IllegalArgumentException("a secret must not be null");
    }
    return new Secret(value.getBytes(StandardCharsets.UTF_8));
  }

  /** A secret from raw bytes (copied). */
  public static Secret ofBytes(byte[] value) {
    if (value == null) {
      throw new IllegalArgumentException("a secret must not be null");
    }
    return new Secret(value);
  }

  /** A copy of the secret's bytes, for use as a MAC or cipher key. */
  public byte[] bytes() {
    return value.clone();
  }

  /** The secret as UTF-8 text, for protocols that send it (e.g. a token request). */
  public String reveal() {
    return new String(value, StandardCharsets.UTF_8);
  }

  /** Whether {@code candidate} equals this secret, compared in constant time. */
  public boolean matches(String candidate) {
    if (candidate == null) {
      return false;
    }
    return MessageDigest.isEqual(value, candidate.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret s && MessageDigest.isEqual(value, s.value);
  }

  @Override
  public int hashCode() {
    return 0; // constant on purpose: a hash of the value would leak information about it
  }

  @Override
  public String toString() {
    return "Secret[redacted]";
  }
}
