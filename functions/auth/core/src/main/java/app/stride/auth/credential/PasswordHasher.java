package app.stride.auth.credential;

/**
 * Hashes and verifies passwords. Hashes are self-describing PHC strings ({@code
 * $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}) so that parameters can be raised over time.
 *
 * <p>Implementations normalize the password (NFKC) before hashing and verifying.
 */
public interface PasswordHasher {

  /** Hashes a password with a fresh random salt; returns the PHC string to store. */
  String hash(String password);

  /**
   * Checks a password against a stored hash in constant time. A stored value that is not a
   * supported hash yields {@code false} after the same work as a real check.
   */
  boolean verify(String password, String storedHash);

  /**
   * Whether the stored hash was made with weaker parameters (or another algorithm) than the
   * configured ones: after a successful {@link #verify}, hash the password again and store it.
   */
  boolean needsRehash(String storedHash);

  /**
   * Spends the same work as {@link #verify} against a dummy hash. Call it when the account does not
   * exist so that unknown and known emails take the same time (no user enumeration).
   */
  void verifyAgainstDummy(String password);
}
