package app.stride.auth.credential;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link PasswordHasher} with Argon2id (RFC 9106) through password4j: 16-byte random salt, 32-byte
 * hash, version 0x13, parameters from {@link Argon2Parameters}. Thread-safe.
 */
public final class Argon2idPasswordHasher implements PasswordHasher {

  static final int SALT_BYTES = 16;
  static final int HASH_BYTES = 32;

  private final Argon2Parameters parameters;
  private final Argon2Function function;
  private final String dummyHash;

  /**
   * A hasher with the given cost parameters.
   *
   * @throws IllegalArgumentException if the parameters exceed what a stored hash may claim
   */
  public Argon2idPasswordHasher(Argon2Parameters parameters) {
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    if (parameters.exceeds(Argon2Parameters.SAFETY_LIMIT)) {
      throw new IllegalArgumentException("Argon2 parameters above the safety limit");
    }
    this.function = functionFor(parameters, HASH_BYTES);
    this.dummyHash = randomHashWith(parameters);
  }

  /** OWASP's recommendation: m=19456 KiB, t=2, p=1. */
  public static Argon2idPasswordHasher owasp() {
    return new Argon2idPasswordHasher(Argon2Parameters.OWASP);
  }

  @Override
  public String hash(String password) {
    Objects.requireNonNull(password, "password");
    return Password.hash(PasswordText.normalize(password))
        .addRandomSalt(SALT_BYTES)
        .with(function)
        .getResult();
  }

  @Override
  public boolean verify(String password, String storedHash) {
    Objects.requireNonNull(password, "password");
    Optional<Argon2idHash> stored = Argon2idHash.parse(storedHash);
    if (stored.isEmpty()) {
      verifyAgainstDummy(password);
      return false;
    }
    Argon2Function storedFunction =
        functionFor(stored.get().parameters(), stored.get().hashBytes());
    return storedFunction.check(PasswordText.normalize(password), storedHash);
  }

  @Override
  public boolean needsRehash(String storedHash) {
    return Argon2idHash.parse(storedHash)
        .map(
            stored ->
                stored.hashBytes() < HASH_BYTES
                    || stored.saltBytes() < SALT_BYTES
                    || stored.parameters().isWeakerThan(parameters))
        .orElse(true);
  }

  @Override
  public void verifyAgainstDummy(String password) {
    function.check(PasswordText.normalize(Objects.requireNonNull(password, "password")), dummyHash);
  }

  /** The hash {@link #verifyAgainstDummy} checks against; visible for tests. */
  String dummyHash() {
    return dummyHash;
  }

  private static Argon2Function functionFor(Argon2Parameters p, int hashBytes) {
    return Argon2Function.getInstance(
        p.memoryKiB(),
        p.iterations(),
        p.parallelism(),
        hashBytes,
        Argon2.ID,
        Argon2Function.ARGON2_VERSION_13);
  }

  /** A well-formed hash of no known password: random salt, random hash bytes. */
  private static String randomHashWith(Argon2Parameters p) {
    SecureRandom random = new SecureRandom();
    byte[] salt = new byte[SALT_BYTES];
    byte[] hash = new byte[HASH_BYTES];
    random.nextBytes(salt);
    random.nextBytes(hash);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s"
        .formatted(
            p.memoryKiB(),
            p.iterations(),
            p.parallelism(),
            b64.encodeToString(salt),
            b64.encodeToString(hash));
  }
}
