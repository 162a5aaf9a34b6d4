package app.stride.devices.webhook.fitbit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** ECDSA key pairs standing in for Google Health's signing key, and signatures made with them. */
final class GoogleHealthKeys {
  private GoogleHealthKeys() {}

  static KeyPair p256() {
    return generate("EC", new ECGenParameterSpec("secp256r1"));
  }

  static KeyPair generate(String algorithm, java.security.spec.AlgorithmParameterSpec spec) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      if (spec != null) {
        generator.initialize(spec);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public key as a PEM block. */
  static String pem(PublicKey key) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  /** The base64 of the DER ECDSA signature of {@code body} (what we assume Google sends). */
  static String sign(KeyPair keys, byte[] body) {
    return Base64.getEncoder().encodeToString(signDer(keys, body));
  }

  static byte[] signDer(KeyPair keys, byte[] body) {
    return sign(keys, body, "SHA256withECDSA");
  }

  /** The 64-byte IEEE P1363 form {@code r || s}. */
  static byte[] signP1363(KeyPair keys, byte[] body) {
    return sign(keys, body, "SHA256withECDSAinP1363Format");
  }

  private static byte[] sign(KeyPair keys, byte[] body, String algorithm) {
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(keys.getPrivate());
      signer.update(body);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
