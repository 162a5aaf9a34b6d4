package app.stride.devices.webhook.fitbit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class HealthApiSignaturesTest {
  private static final byte[] BODY =
      "{\"data\":{\"dataType\":\"exercise\"}}".getBytes(StandardCharsets.UTF_8);
  private static final KeyPair GOOGLE = GoogleHealthKeys.p256();
  private static final KeyPair OTHER = GoogleHealthKeys.p256();

  private static HealthApiSignatures keys(String setting) {
    return HealthApiSignatures.parse(setting).orElseThrow();
  }

  @Test
  void aDerSignatureOfTheExactBody_verifies_underAPemKey() {
    HealthApiSignatures signatures = keys(GoogleHealthKeys.pem(GOOGLE.getPublic()));

    assertThat(signatures.verifies(BODY, GoogleHealthKeys.sign(GOOGLE, BODY))).isTrue();
  }

  @Test
  void base64DerKeys_andSeveralKeysForARotation_areRead() {
    String base64 = Base64.getEncoder().encodeToString(GOOGLE.getPublic().getEncoded());
    String rotating =
        Base64.getEncoder().encodeToString(OTHER.getPublic().getEncoded()) + ",\n" + base64;

    assertThat(keys(base64).verifies(BODY, GoogleHealthKeys.sign(GOOGLE, BODY))).isTrue();
    assertThat(keys(rotating).verifies(BODY, GoogleHealthKeys.sign(GOOGLE, BODY))).isTrue();
    assertThat(keys(rotating).verifies(BODY, GoogleHealthKeys.sign(OTHER, BODY))).isTrue();
  }

  @Test
  void p1363_urlSafe_andTinkPrefixedSignatures_verify() {
    HealthApiSignatures signatures = keys(GoogleHealthKeys.pem(GOOGLE.getPublic()));
    byte[] der = GoogleHealthKeys.signDer(GOOGLE, BODY);
    byte[] tink = new byte[5 + der.length];
    tink[0] = 0x01;
    tink[4] = 0x2A;
    System.arraycopy(der, 0, tink, 5, der.length);

    assertThat(
            signatures.verifies(
                BODY, Base64.getEncoder().encodeToString(GoogleHealthKeys.signP1363(GOOGLE, BODY))))
        .isTrue();
    assertThat(
            signatures.verifies(BODY, Base64.getUrlEncoder().withoutPadding().encodeToString(der)))
        .isTrue();
    assertThat(signatures.verifies(BODY, Base64.getEncoder().encodeToString(tink))).isTrue();
  }

  @Test
  void aSignatureByAnotherKey_overAnotherBody_orNotASignature_doesNotVerify() {
    HealthApiSignatures signatures = keys(GoogleHealthKeys.pem(GOOGLE.getPublic()));
    byte[] other = "{}".getBytes(StandardCharsets.UTF_8);

    assertThat(signatures.verifies(BODY, GoogleHealthKeys.sign(OTHER, BODY))).isFalse();
    assertThat(signatures.verifies(BODY, GoogleHealthKeys.sign(GOOGLE, other))).isFalse();
    assertThat(signatures.verifies(BODY, "not base64 !")).isFalse();
    assertThat(signatures.verifies(BODY, Base64.getEncoder().encodeToString(new byte[64])))
        .isFalse();
    assertThat(signatures.verifies(BODY, "A".repeat(600))).isFalse();
    assertThat(signatures.verifies(BODY, null)).isFalse();
  }

  @Test
  void keysThatAreNotP256_orNotKeys_areRefused() {
    KeyPair p384 = GoogleHealthKeys.generate("EC", new ECGenParameterSpec("secp384r1"));
    KeyPair rsa =
        GoogleHealthKeys.generate(
            "RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));

    assertThat(HealthApiSignatures.parse(GoogleHealthKeys.pem(p384.getPublic()))).isEmpty();
    assertThat(HealthApiSignatures.parse(GoogleHealthKeys.pem(rsa.getPublic()))).isEmpty();
    assertThat(HealthApiSignatures.parse("c2VjcmV0")).isEmpty();
    assertThat(HealthApiSignatures.parse("")).isEmpty();
    assertThat(
            HealthApiSignatures.parse(GoogleHealthKeys.pem(GOOGLE.getPublic()) + " " + "not-a-key"))
        .as("a PEM block wins; anything else around it is ignored")
        .isPresent();
  }
}
