package app.stride.core.crypto;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.Provider;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Amazon Corretto Crypto Provider (ACCP, AWS-LC underneath) for the operations that run on every
 * request, handed to them explicitly: an ES256 verification costs tens of microseconds on it
 * instead of the millisecond of JDK 17's pure-Java curve code (docs/auth-benchmarks.md).
 *
 * <p>It is deliberately not installed as a JVM-wide provider: random numbers, key generation,
 * signing and TLS stay with the JDK, whose {@code SecureRandom} the Lambda runtime keeps unique
 * across SnapStart restores, and no library changes provider behind Stride's back.
 *
 * <p>ACCP's jar carries the library of one architecture; each deployable ships the one it runs on.
 * When the jar is absent, its library does not match the machine, or its self-test fails, {@link
 * #provider()} is empty and callers use the JDK's providers: slower, never wrong. The outcome is
 * decided once per JVM and logged once.
 */
public final class NativeCrypto {
  private static final Logger log = LoggerFactory.getLogger(NativeCrypto.class);
  private static Status status;

  private NativeCrypto() {}

  /** Whether the native provider is usable here, and either its name or why not. */
  public record Status(Optional<Provider> provider, String detail) {}

  /** ACCP when it works on this machine. */
  public static Optional<Provider> provider() {
    return status().provider();
  }

  /** The outcome of loading ACCP in this JVM (loaded on first use, logged once). */
  public static synchronized Status status() {
    if (status == null) {
      status = load();
      if (status.provider().isPresent()) {
        log.info("native cryptography available: {}", status.detail());
      } else {
        log.warn("native cryptography unavailable, using the JDK's providers: {}", status.detail());
      }
    }
    return status;
  }

  private static Status load() {
    try {
      return Accp.load();
    } catch (LinkageError absent) {
      return new Status(
          Optional.empty(), "Amazon Corretto Crypto Provider is not on the class path");
    }
  }

  /** Touches ACCP's classes only here, so that a class path without it fails softly above. */
  private static final class Accp {
    static Status load() {
      AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
      Throwable loading = accp.getLoadingError();
      if (loading != null) {
        return new Status(
            Optional.empty(), "its native library did not load: " + loading.getMessage());
      }
      try {
        accp.assertHealthy();
      } catch (RuntimeException unhealthy) {
        return new Status(Optional.empty(), "its self-test failed: " + unhealthy.getMessage());
      }
      return new Status(Optional.of(accp), accp.getName() + " " + accp.getVersionStr());
    }
  }
}
