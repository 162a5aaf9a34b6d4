package app.stride.auth.domain;

import java.util.List;
import java.util.Optional;

/**
 * An account's second factor.
 *
 * @param totpSecret the confirmed TOTP secret (base32), or null when two-factor is off
 * @param pendingSecret a secret handed out by setup and not yet confirmed by a first code, or null
 * @param lastUsedStep the last TOTP time step accepted, so a code is accepted once
 * @param recoveryCodeHashes hashes of the unused one-time recovery codes
 */
public record Mfa(
    String totpSecret, String pendingSecret, long lastUsedStep, List<String> recoveryCodeHashes) {
  /** No second factor. */
  public static final Mfa NONE = new Mfa(null, null, 0, List.of());

  public Mfa {
    recoveryCodeHashes = recoveryCodeHashes == null ? List.of() : List.copyOf(recoveryCodeHashes);
  }

  /** Whether login needs a second factor. */
  public boolean enabled() {
    return totpSecret != null;
  }

  public Optional<String> pending() {
    return Optional.ofNullable(pendingSecret);
  }

  /** Setup started: a new secret waits for its first code; an enabled factor stays as it is. */
  public Mfa withPending(String secret) {
    return new Mfa(totpSecret, secret, lastUsedStep, recoveryCodeHashes);
  }

  /** The pending secret confirmed by a code of time step {@code step}. */
  public Mfa confirmed(long step, List<String> recoveryHashes) {
    if (pendingSecret == null) {
      throw new IllegalStateException("no pending secret");
    }
    return new Mfa(pendingSecret, null, step, recoveryHashes);
  }

  /** A TOTP code of {@code step} was accepted. */
  public Mfa usedStep(long step) {
    return new Mfa(totpSecret, pendingSecret, step, recoveryCodeHashes);
  }

  /** The recovery code at {@code index} was used up. */
  public Mfa usedRecoveryCode(int index) {
    List<String> left = new java.util.ArrayList<>(recoveryCodeHashes);
    left.remove(index);
    return new Mfa(totpSecret, pendingSecret, lastUsedStep, left);
  }
}
