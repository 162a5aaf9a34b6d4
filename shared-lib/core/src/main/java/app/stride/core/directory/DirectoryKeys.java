package app.stride.core.directory;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives {@link DirectoryKey}s from login identifiers with a secret that lives only in the secret
 * store of each region (the same secret everywhere, so every region computes the same key).
 */
public final class DirectoryKeys {
  private static final String ALGORITHM = "HmacSHA256";
  private static final int MIN_SECRET_BYTES = 32;

  private final SecretKeySpec secret;

  public DirectoryKeys(byte[] secret) {
    if (secret == null || secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("the directory secret needs at least 32 bytes");
    }
    this.secret = new SecretKeySpec(secret.clone(), ALGORITHM);
  }

  /**
   * The key of a login identifier: NFKC-normalised, trimmed and lower-cased first, so the same
   * address typed differently maps to the same key.
   */
  public DirectoryKey of(String loginIdentifier) {
    String normalised =
        Normalizer.normalize(loginIdentifier, Normalizer.Form.NFKC)
            .strip()
            .toLowerCase(Locale.ROOT);
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(secret);
      byte[] digest = mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8));
      return new DirectoryKey(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }
}
