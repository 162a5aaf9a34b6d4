package app.stride.core.directory;

import java.util.regex.Pattern;

/**
 * A keyed hash of a login identifier (HMAC-SHA256, base64url, 43 characters). Knowing the key does
 * not reveal the identifier; without the secret, nobody can test a guessed address against the
 * directory.
 */
public record DirectoryKey(String value) {
  private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");

  public DirectoryKey {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("a directory key is a base64url HMAC-SHA256");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
