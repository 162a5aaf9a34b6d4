package app.stride.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * ACCP on this test class path carries an x86-64 library (the parent POM's {@code
 * accp.host.classifier}): it must be usable on an x86-64 Linux machine and refused elsewhere.
 */
class NativeCryptoTest {
  private static final boolean X86_64_LINUX =
      System.getProperty("os.name").equals("Linux")
          && (System.getProperty("os.arch").equals("amd64")
              || System.getProperty("os.arch").equals("x86_64"));

  @Test
  void provider_isAccp_whereItsLibraryMatchesTheMachine() {
    NativeCrypto.Status status = NativeCrypto.status();

    if (X86_64_LINUX) {
      assertThat(status.provider()).as(status.detail()).isPresent();
      assertThat(status.provider().get().getName()).isEqualTo("AmazonCorrettoCryptoProvider");
      assertThat(status.detail()).startsWith("AmazonCorrettoCryptoProvider 2.");
    } else {
      assertThat(status.provider()).isEmpty();
      assertThat(status.detail()).contains("did not load");
    }
  }

  @Test
  void status_isDecidedOncePerJvm() {
    assertThat(NativeCrypto.status()).isSameAs(NativeCrypto.status());
  }

  @Test
  void provider_isNeverInstalledJvmWide() {
    NativeCrypto.provider();

    assertThat(Arrays.stream(Security.getProviders()).map(Provider::getName))
        .doesNotContain("AmazonCorrettoCryptoProvider");
  }

  @Test
  void provider_verifiesJdkMadeEs256Signatures_andRefusesAlteredOnes()
      throws GeneralSecurityException {
    if (!X86_64_LINUX) {
      assertThat(NativeCrypto.provider()).isEmpty();
      return;
    }
    Provider provider = NativeCrypto.provider().orElseThrow();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "SunEC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    byte[] message = "header.payload".getBytes();
    Signature signer = Signature.getInstance("SHA256withECDSA", "SunEC");
    signer.initSign(keys.getPrivate());
    signer.update(message);
    byte[] signature = signer.sign();

    assertThat(verify(provider, keys, message, signature)).isTrue();
    byte[] altered = message.clone();
    altered[0] ^= 1;
    assertThat(verify(provider, keys, altered, signature)).isFalse();
  }

  private static boolean verify(Provider provider, KeyPair keys, byte[] message, byte[] signature)
      throws GeneralSecurityException {
    Signature verifier = Signature.getInstance("SHA256withECDSA", provider);
    verifier.initVerify(keys.getPublic());
    verifier.update(message);
    return verifier.verify(signature);
  }
}
