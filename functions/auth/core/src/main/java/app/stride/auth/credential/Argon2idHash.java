package app.stride.auth.credential;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of a stored Argon2id v1.3 PHC string, read without computing anything. Parsing happens
 * here rather than in password4j because password4j allocates the claimed memory while parsing: a
 * hash claiming 4 GiB took 90 seconds just to be read.
 *
 * @param parameters cost parameters claimed by the hash
 * @param saltBytes salt length in bytes
 * @param hashBytes output length in bytes
 */
record Argon2idHash(Argon2Parameters parameters, int saltBytes, int hashBytes) {

  /** RFC 9106 minimums. */
  private static final int MIN_SALT_BYTES = 8;

  private static final int MIN_HASH_BYTES = 4;

  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=(\\d{1,10}),t=(\\d{1,10}),p=(\\d{1,10})"
              + "\\$([A-Za-z0-9+/]{1,128})\\$([A-Za-z0-9+/]{1,256})");

  /**
   * The hash's fields if it is a well-formed Argon2id v1.3 PHC string whose parameters are within
   * {@link Argon2Parameters#SAFETY_LIMIT}; empty otherwise (other algorithms, garbage, tampering).
   */
  static Optional<Argon2idHash> parse(String phc) {
    if (phc == null) {
      return Optional.empty();
    }
    Matcher m = PHC.matcher(phc);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      Argon2Parameters parameters =
          new Argon2Parameters(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)));
      if (parameters.exceeds(Argon2Parameters.SAFETY_LIMIT)) {
        return Optional.empty();
      }
      Base64.Decoder b64 = Base64.getDecoder();
      int saltBytes = b64.decode(m.group(4)).length;
      int hashBytes = b64.decode(m.group(5)).length;
      if (saltBytes < MIN_SALT_BYTES || hashBytes < MIN_HASH_BYTES) {
        return Optional.empty();
      }
      return Optional.of(new Argon2idHash(parameters, saltBytes, hashBytes));
    } catch (IllegalArgumentException outOfRange) {
      return Optional.empty();
    }
  }
}
