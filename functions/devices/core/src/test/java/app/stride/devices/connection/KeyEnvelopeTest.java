package app.stride.devices.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KeyEnvelopeTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] BINDING = "user-1|polar".getBytes(StandardCharsets.UTF_8);
  private final byte[] dataKey = new byte[KeyEnvelope.DATA_KEY_BYTES];
  private final byte[] wrapped = {9, 8, 7, 6};

  KeyEnvelopeTest() {
    RANDOM.nextBytes(dataKey);
  }

  private byte[] sealed(byte version) {
    return KeyEnvelope.seal(
        version,
        "key-1",
        wrapped,
        dataKey,
        "refresh-token".getBytes(StandardCharsets.UTF_8),
        BINDING,
        RANDOM);
  }

  @Test
  void sealedUnderOneLayout_opensWithItsKeyIdAndWrappedKey() {
    KeyEnvelope envelope = KeyEnvelope.parse(KeyEnvelope.AWS_KMS, sealed(KeyEnvelope.AWS_KMS));

    assertThat(envelope.keyId()).isEqualTo("key-1");
    assertThat(envelope.wrappedKey()).containsExactly(wrapped);
    assertThat(new String(envelope.open(dataKey, BINDING), StandardCharsets.UTF_8))
        .isEqualTo("refresh-token");
  }

  @Test
  void theOtherCloudsLayout_isRefusedBeforeAnyKeyServiceCall() {
    byte[] aws = sealed(KeyEnvelope.AWS_KMS);

    assertThatThrownBy(() -> KeyEnvelope.parse(KeyEnvelope.CLOUD_KMS, aws))
        .isInstanceOf(TokenCipherException.class);
  }

  @Test
  void aVersionByteRewrittenToPassTheParse_failsTheTag() {
    byte[] bytes = sealed(KeyEnvelope.AWS_KMS);
    bytes[0] = KeyEnvelope.CLOUD_KMS;

    KeyEnvelope envelope = KeyEnvelope.parse(KeyEnvelope.CLOUD_KMS, bytes);

    assertThatThrownBy(() -> envelope.open(dataKey, BINDING))
        .isInstanceOf(TokenCipherException.class);
  }

  @Test
  void anotherUsersBinding_failsTheTag() {
    KeyEnvelope envelope = KeyEnvelope.parse(KeyEnvelope.CLOUD_KMS, sealed(KeyEnvelope.CLOUD_KMS));

    assertThatThrownBy(
            () -> envelope.open(dataKey, "user-2|polar".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(TokenCipherException.class);
  }

  @Test
  void truncatedBytes_areRefusedAsTooShort() {
    byte[] bytes = sealed(KeyEnvelope.AWS_KMS);
    byte[] cut = Arrays.copyOf(bytes, 10);

    assertThatThrownBy(() -> KeyEnvelope.parse(KeyEnvelope.AWS_KMS, cut))
        .isInstanceOf(TokenCipherException.class)
        .hasMessageContaining("too short");
  }
}
