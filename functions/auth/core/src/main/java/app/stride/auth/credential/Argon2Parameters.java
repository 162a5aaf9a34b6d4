package app.stride.auth.credential;

/**
 * Argon2id cost parameters. They are written into every PHC hash string, so raising them later only
 * needs a new configuration: old hashes still verify and {@link PasswordHasher#needsRehash(String)}
 * reports them for an upgrade at the next login.
 *
 * @param memoryKiB memory in KiB (at least 8 per lane)
 * @param iterations passes over memory (at least 1)
 * @param parallelism lanes (at least 1)
 */
public record Argon2Parameters(int memoryKiB, int iterations, int parallelism) {

  /** OWASP Password Storage Cheat Sheet: m=19456 KiB (19 MiB), t=2, p=1. */
  public static final Argon2Parameters OWASP = new Argon2Parameters(19_456, 2, 1);

  /**
   * Upper bounds for configured and stored parameters (256 MiB, 10 passes, 8 lanes: room to raise
   * OWASP's values more than tenfold). A stored hash claiming more is treated as corrupt instead of
   * being computed, so a tampered record cannot exhaust a function's memory or CPU.
   */
  static final Argon2Parameters SAFETY_LIMIT = new Argon2Parameters(262_144, 10, 8);

  /** Validates the ranges Argon2 accepts. */
  public Argon2Parameters {
    if (parallelism < 1 || iterations < 1 || memoryKiB < 8 * parallelism) {
      throw new IllegalArgumentException(
          "invalid Argon2 parameters: m=" + memoryKiB + ", t=" + iterations + ", p=" + parallelism);
    }
  }

  /** Whether any parameter is lower than the corresponding one of {@code other}. */
  public boolean isWeakerThan(Argon2Parameters other) {
    return memoryKiB < other.memoryKiB
        || iterations < other.iterations
        || parallelism < other.parallelism;
  }

  /** Whether any parameter is higher than the corresponding one of {@code other}. */
  boolean exceeds(Argon2Parameters other) {
    return memoryKiB > other.memoryKiB
        || iterations > other.iterations
        || parallelism > other.parallelism;
  }
}
