package app.stride.devices.connection;

import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;

/**
 * Encrypts provider tokens for storage. The ciphertext is bound to its user and provider
 * (authenticated data): moved to another user's or provider's record it no longer decrypts. Cloud
 * implementations use envelope encryption (a data key wrapped by AWS KMS / Cloud KMS, carried in
 * the ciphertext header); {@link LocalAesGcmTokenCipher} uses a local key.
 */
public interface TokenCipher {
  /** Encrypts a token for a user's connection to a provider. */
  byte[] encrypt(Secret token, UserId user, Provider provider);

  /**
   * Decrypts a token.
   *
   * @throws TokenCipherException when the ciphertext was altered, belongs to another user or
   *     provider, or names a key this cipher does not hold
   */
  Secret decrypt(byte[] ciphertext, UserId user, Provider provider);

  /**
   * A cipher for a deployment without a token key: every use fails with {@code why}, so the
   * function still starts and serves everything but connections.
   */
  static TokenCipher unconfigured(String why) {
    return new TokenCipher() {
      @Override
      public byte[] encrypt(Secret token, UserId user, Provider provider) {
        throw new IllegalStateException(why);
      }

      @Override
      public Secret decrypt(byte[] ciphertext, UserId user, Provider provider) {
        throw new IllegalStateException(why);
      }
    };
  }
}
