package app.stride.devices.webhook.fitbit;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verifies Google Health's {@code X-HEALTHAPI-SIGNATURE} header: an ECDSA (NIST P-256) signature of
 * the notification's JSON payload. Google documents the mechanism but, as of 2026-11, publishes no
 * public key in its reference; the key is therefore configuration (one or more X.509 {@code
 * SubjectPublicKeyInfo} keys, PEM or base64 DER, separated by white space or commas, so a rotation
 * can hold the old and the new key at once).
 *
 * <p><b>Assumed, not verified against Google:</b> the signature covers the raw body bytes exactly
 * as received, with SHA-256; the header holds it base64-encoded (standard or URL-safe alphabet,
 * padded or not) as an ASN.1 DER {@code ECDSA-Sig-Value}. Also accepted, because public
 * integrations describe Google's signer as Tink: the same DER signature behind Tink's 5-byte key
 * prefix ({@code 0x01} and a 4-byte key id), and the 64-byte IEEE P1363 form {@code r || s}. Each
 * form still needs a valid signature under a configured key, so accepting several lets no forgery
 * through.
 */
public final class HealthApiSignatures {
  /** The signature header. */
  public static final String HEADER = "X-HEALTHAPI-SIGNATURE";

  private static final int MAX_HEADER_LENGTH = 512;
  private static final int MAX_KEYS = 8;
  private static final Pattern PEM =
      Pattern.compile("-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");
  private static final ECParameterSpec P256 = p256();

  private final List<PublicKey> keys;

  private HealthApiSignatures(List<PublicKey> keys) {
    this.keys = List.copyOf(keys);
  }

  /**
   * The keys of a setting.
   *
   * @return empty when the setting holds no usable P-256 public key (the receiver then refuses
   *     rather than accept unverified notifications)
   */
  public static Optional<HealthApiSignatures> parse(String setting) {
    if (setting == null || setting.isBlank()) {
      return Optional.empty();
    }
    List<String> encoded = new ArrayList<>();
    Matcher pem = PEM.matcher(setting);
    while (pem.find()) {
      encoded.add(pem.group(1).replaceAll("\\s", ""));
    }
    if (encoded.isEmpty()) {
      for (String part : setting.strip().split("[\\s,]+")) {
        encoded.add(part);
      }
    }
    if (encoded.size() > MAX_KEYS) {
      return Optional.empty();
    }
    List<PublicKey> keys = new ArrayList<>();
    for (String base64 : encoded) {
      Optional<PublicKey> key = p256Key(base64);
      if (key.isEmpty()) {
        return Optional.empty();
      }
      keys.add(key.get());
    }
    return Optional.of(new HealthApiSignatures(keys));
  }

  /** Whether {@code header} is a signature of {@code body} under one of the keys. */
  public boolean verifies(byte[] body, String header) {
    if (header == null || header.isBlank() || header.length() > MAX_HEADER_LENGTH) {
      return false;
    }
    Optional<byte[]> decoded = base64(header.strip());
    if (decoded.isEmpty()) {
      return false;
    }
    byte[] raw = decoded.get();
    List<byte[]> candidates = new ArrayList<>();
    candidates.add(raw);
    if (raw.length > 5 && raw[0] == 0x01) {
      candidates.add(Arrays.copyOfRange(raw, 5, raw.length));
    }
    if (raw.length == 64) {
      candidates.add(der(raw));
    }
    for (byte[] signature : candidates) {
      for (PublicKey key : keys) {
        if (valid(key, body, signature)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean valid(PublicKey key, byte[] body, byte[] derSignature) {
    try {
      Signature verifier = Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(key);
      verifier.update(body);
      return verifier.verify(derSignature);
    } catch (SignatureException malformed) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ECDSA unavailable", e);
    }
  }

  private static Optional<PublicKey> p256Key(String base64) {
    Optional<byte[]> der = base64(base64);
    if (der.isEmpty()) {
      return Optional.empty();
    }
    try {
      PublicKey key =
          KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der.get()));
      if (key instanceof ECPublicKey ec
          && ec.getParams().getCurve().equals(P256.getCurve())
          && ec.getParams().getOrder().equals(P256.getOrder())
          && ec.getParams().getGenerator().equals(P256.getGenerator())) {
        return Optional.of(key);
      }
      return Optional.empty();
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<byte[]> base64(String text) {
    String value = text.strip();
    try {
      return Optional.of(Base64.getDecoder().decode(value));
    } catch (IllegalArgumentException standard) {
      try {
        return Optional.of(Base64.getUrlDecoder().decode(value));
      } catch (IllegalArgumentException urlSafe) {
        return Optional.empty();
      }
    }
  }

  /** The DER {@code SEQUENCE { INTEGER r, INTEGER s }} of a P1363 {@code r || s}. */
  private static byte[] der(byte[] p1363) {
    byte[] r = new BigInteger(1, Arrays.copyOfRange(p1363, 0, 32)).toByteArray();
    byte[] s = new BigInteger(1, Arrays.copyOfRange(p1363, 32, 64)).toByteArray();
    byte[] out = new byte[6 + r.length + s.length];
    out[0] = 0x30;
    out[1] = (byte) (4 + r.length + s.length);
    out[2] = 0x02;
    out[3] = (byte) r.length;
    System.arraycopy(r, 0, out, 4, r.length);
    out[4 + r.length] = 0x02;
    out[5 + r.length] = (byte) s.length;
    System.arraycopy(s, 0, out, 6 + r.length, s.length);
    return out;
  }

  private static ECParameterSpec p256() {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec("secp256r1"));
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("P-256 unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "HealthApiSignatures[" + keys.size() + " key(s)]";
  }
}
