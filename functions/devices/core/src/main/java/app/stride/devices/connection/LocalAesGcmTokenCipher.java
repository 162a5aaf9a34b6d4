package app.stride.devices.connection;

import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with local keys (the local platform, tests, and a fallback where no KMS is wired).
 * Layout: {@code 0x01 | key id length | key id (ASCII) | 96-bit random nonce | ciphertext + 128-bit
 * tag}. The authenticated data is the header (version and key id) plus the user id and provider, so
 * a ciphertext moved to another user's or provider's record, or relabelled with another key id,
 * fails to decrypt. Several keys may be held for rotation: new ciphertexts use the active one, old
 * ones decrypt with the key their header names.
 */
public final class LocalAesGcmTokenCipher implements TokenCipher {
  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final Map<String, SecretKeySpec> keys = new HashMap<>();
  private final String activeKeyId;
  private final SecureRandom random;

  /**
   * @param keys the keys by id, each exactly 256 bits
   * @param activeKeyId the id of the key new ciphertexts use
   */
  public LocalAesGcmTokenCipher(Map<String, Secret> keys, String activeKeyId, SecureRandom random) {
    keys.forEach(
        (id, key) -> {
          if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("key ids are 1 to 64 of [A-Za-z0-9._-]");
          }
          byte[] bytes = key.bytes();
          if (bytes.length != 32) {
            throw new IllegalArgumentException("token keys must be 256 bits");
          }
          this.keys.put(id, new SecretKeySpec(bytes, "AES"));
          Arrays.fill(bytes, (byte) 0);
        });
    if (!this.keys.containsKey(activeKeyId)) {
      throw new IllegalArgumentException("the active key id names no key");
    }
    this.activeKeyId = activeKeyId;
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * The variable holding a local token key, base64 of 32 bytes: the local platform and tests only
   * (the clouds use the region's envelope key, {@code STRIDE_DEVICES_TOKEN_KEY_ID}).
   */
  public static final String LOCAL_KEY_ENV = "STRIDE_DEVICES_TOKEN_LOCAL_KEY";

  /** The cipher of {@value #LOCAL_KEY_ENV}, when it is set. */
  public static Optional<TokenCipher> fromEnv(Map<String, String> env) {
    String value = env.get(LOCAL_KEY_ENV);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(value.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(LOCAL_KEY_ENV + " is not base64");
    }
    return Optional.of(of("local", Secret.ofBytes(key)));
  }

  /** One key, active. */
  public static LocalAesGcmTokenCipher of(String keyId, Secret key) {
    return new LocalAesGcmTokenCipher(Map.of(keyId, key), keyId, new SecureRandom());
  }

  @Override
  public byte[] encrypt(Secret token, UserId user, Provider provider) {
    byte[] header = header(activeKeyId);
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] plaintext = token.bytes();
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(header, user, provider));
      byte[] sealed = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(header.length + NONCE_BYTES + sealed.length)
          .put(header)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  @Override
  public Secret decrypt(byte[] ciphertext, UserId user, Provider provider) {
    if (ciphertext == null || ciphertext.length < 2 || ciphertext[0] != VERSION) {
      throw new TokenCipherException("not a token ciphertext");
    }
    int idLength = ciphertext[1] & 0xff;
    int headerLength = 2 + idLength;
    if (idLength == 0 || ciphertext.length < headerLength + NONCE_BYTES + TAG_BITS / 8) {
      throw new TokenCipherException("token ciphertext too short");
    }
    String keyId = new String(ciphertext, 2, idLength, StandardCharsets.US_ASCII);
    SecretKeySpec key = keys.get(keyId);
    if (key == null) {
      throw new TokenCipherException("token ciphertext names an unknown key");
    }
    byte[] header = Arrays.copyOfRange(ciphertext, 0, headerLength);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          key,
          new GCMParameterSpec(TAG_BITS, ciphertext, headerLength, NONCE_BYTES));
      cipher.updateAAD(aad(header, user, provider));
      byte[] plaintext =
          cipher.doFinal(
              ciphertext,
              headerLength + NONCE_BYTES,
              ciphertext.length - headerLength - NONCE_BYTES);
      try {
        return Secret.ofBytes(plaintext);
      } finally {
        Arrays.fill(plaintext, (byte) 0);
      }
    } catch (AEADBadTagException e) {
      throw new TokenCipherException("token ciphertext failed authentication");
    } catch (GeneralSecurityException e) {
      throw new TokenCipherException("token ciphertext could not be decrypted", e);
    }
  }

  private static byte[] header(String keyId) {
    byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
    byte[] header = new byte[2 + id.length];
    header[0] = VERSION;
    header[1] = (byte) id.length;
    System.arraycopy(id, 0, header, 2, id.length);
    return header;
  }

  private static byte[] aad(byte[] header, UserId user, Provider provider) {
    byte[] binding = ("|" + user.value() + "|" + provider.wire()).getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(header.length + binding.length).put(header).put(binding).array();
  }
}
