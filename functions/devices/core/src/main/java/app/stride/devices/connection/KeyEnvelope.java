package app.stride.devices.connection;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The stored form of a token under a data key wrapped by a key service: {@code version | key id
 * length (1 byte) | key id (ASCII) | wrapped key length (2 bytes, big-endian) | wrapped data key |
 * 96-bit nonce | AES-256-GCM ciphertext + 128-bit tag}. The header is everything before the nonce;
 * the authenticated data is the header plus the binding (user and provider), so a changed version,
 * key id, wrapped key, user or provider fails the tag. The version names the key service: {@link
 * #AWS_KMS} or {@link #CLOUD_KMS} (1 is {@link LocalAesGcmTokenCipher}'s own layout), so one
 * cloud's cipher refuses the other's ciphertext before calling its service.
 *
 * @param keyId the key the data key is wrapped under (a KMS key id or ARN, a Cloud KMS CryptoKey
 *     name)
 * @param wrappedKey the data key as the key service encrypted it
 * @param header the header bytes, authenticated
 * @param nonce the GCM nonce
 * @param sealed the ciphertext and tag
 */
public record KeyEnvelope(
    String keyId, byte[] wrappedKey, byte[] header, byte[] nonce, byte[] sealed) {
  /** The layout of tokens whose data key AWS KMS wrapped. */
  public static final byte AWS_KMS = 2;

  /** The layout of tokens whose data key Cloud KMS wrapped. */
  public static final byte CLOUD_KMS = 3;

  /** The size of a data key: AES-256. */
  public static final int DATA_KEY_BYTES = 32;

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int MAX_WRAPPED = 0xffff;

  /** Seals {@code plaintext} under {@code dataKey} and lays it out with its {@code version}. */
  public static byte[] seal(
      byte version,
      String keyId,
      byte[] wrappedKey,
      byte[] dataKey,
      byte[] plaintext,
      byte[] binding,
      SecureRandom random) {
    byte[] header = header(version, keyId, wrappedKey);
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(dataKey, "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(header);
      cipher.updateAAD(binding);
      byte[] sealed = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(header.length + NONCE_BYTES + sealed.length)
          .put(header)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  /**
   * Reads the layout of {@code version}.
   *
   * @throws TokenCipherException when the bytes are not of this layout and version
   */
  public static KeyEnvelope parse(byte version, byte[] bytes) {
    if (bytes == null || bytes.length < 2 || bytes[0] != version) {
      throw new TokenCipherException("not a token ciphertext of layout " + version);
    }
    int idLength = bytes[1] & 0xff;
    int wrappedAt = 2 + idLength + 2;
    if (idLength == 0 || bytes.length < wrappedAt) {
      throw new TokenCipherException("token ciphertext too short");
    }
    int wrappedLength = ((bytes[wrappedAt - 2] & 0xff) << 8) | (bytes[wrappedAt - 1] & 0xff);
    int headerLength = wrappedAt + wrappedLength;
    if (wrappedLength == 0 || bytes.length < headerLength + NONCE_BYTES + TAG_BITS / 8) {
      throw new TokenCipherException("token ciphertext too short");
    }
    return new KeyEnvelope(
        new String(bytes, 2, idLength, StandardCharsets.US_ASCII),
        Arrays.copyOfRange(bytes, wrappedAt, headerLength),
        Arrays.copyOfRange(bytes, 0, headerLength),
        Arrays.copyOfRange(bytes, headerLength, headerLength + NONCE_BYTES),
        Arrays.copyOfRange(bytes, headerLength + NONCE_BYTES, bytes.length));
  }

  /**
   * Opens the ciphertext with the unwrapped data key.
   *
   * @throws TokenCipherException when the tag does not verify
   */
  public byte[] open(byte[] dataKey, byte[] binding) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(dataKey, "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(header);
      cipher.updateAAD(binding);
      return cipher.doFinal(sealed);
    } catch (AEADBadTagException e) {
      throw new TokenCipherException("token ciphertext failed authentication");
    } catch (GeneralSecurityException e) {
      throw new TokenCipherException("token ciphertext could not be decrypted", e);
    }
  }

  private static byte[] header(byte version, String keyId, byte[] wrappedKey) {
    byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
    if (wrappedKey.length == 0 || wrappedKey.length > MAX_WRAPPED) {
      throw new IllegalStateException("the wrapped data key has an unexpected size");
    }
    return ByteBuffer.allocate(2 + id.length + 2 + wrappedKey.length)
        .put(version)
        .put((byte) id.length)
        .put(id)
        .putShort((short) wrappedKey.length)
        .put(wrappedKey)
        .array();
  }

  @Override
  public String toString() {
    return "KeyEnvelope[keyId=" + keyId + "]";
  }
}
