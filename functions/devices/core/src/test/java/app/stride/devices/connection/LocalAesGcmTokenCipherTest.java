package app.stride.devices.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalAesGcmTokenCipherTest {
  private static final UserId ALICE = new UserId("u_alice");
  private static final UserId BOB = new UserId("u_bob");
  private static final Secret TOKEN = Secret.of("strava-refresh-token-abc123");
  private static final Secret KEY_1 = Secret.ofBytes(filled(1));
  private static final Secret KEY_2 = Secret.ofBytes(filled(2));

  private final LocalAesGcmTokenCipher cipher = LocalAesGcmTokenCipher.of("k1", KEY_1);

  private static byte[] filled(int value) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) value);
    return key;
  }

  @Test
  void roundTrip_returnsTheToken() {
    byte[] sealed = cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);

    assertThat(cipher.decrypt(sealed, ALICE, Provider.STRAVA)).isEqualTo(TOKEN);
  }

  @Test
  void ciphertext_carriesTheKeyId_andNoPlaintext_andAFreshNonceEachTime() {
    byte[] first = cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);
    byte[] second = cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);

    assertThat(first[0]).isEqualTo((byte) 1);
    assertThat(new String(first, 2, first[1], StandardCharsets.US_ASCII)).isEqualTo("k1");
    assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("strava-refresh");
    assertThat(first).isNotEqualTo(second);
    assertThat(first).hasSize(2 + 2 + 12 + TOKEN.bytes().length + 16);
  }

  @Test
  void ciphertextMovedToAnotherUser_failsToDecrypt() {
    byte[] sealed = cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);

    assertThatThrownBy(() -> cipher.decrypt(sealed, BOB, Provider.STRAVA))
        .isInstanceOf(TokenCipherException.class)
        .hasMessageNotContaining("strava-refresh-token");
  }

  @Test
  void ciphertextMovedToAnotherProvider_failsToDecrypt() {
    byte[] sealed = cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);

    assertThatThrownBy(() -> cipher.decrypt(sealed, ALICE, Provider.GARMIN))
        .isInstanceOf(TokenCipherException.class);
  }

  @Test
  void anyFlippedBit_failsToDecrypt() {
    byte[] sealed = cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);
    for (int i = 4; i < sealed.length; i++) {
      byte[] tampered = sealed.clone();
      tampered[i] ^= 0x01;

      assertThatThrownBy(() -> cipher.decrypt(tampered, ALICE, Provider.STRAVA))
          .isInstanceOf(TokenCipherException.class);
    }
  }

  @Test
  void relabelledKeyId_failsToDecrypt() {
    LocalAesGcmTokenCipher both =
        new LocalAesGcmTokenCipher(Map.of("k1", KEY_1, "k2", KEY_1), "k1", new SecureRandom());
    byte[] sealed = both.encrypt(TOKEN, ALICE, Provider.STRAVA);
    sealed[3] = '2'; // "k1" -> "k2": same key bytes, but the header is authenticated

    assertThatThrownBy(() -> both.decrypt(sealed, ALICE, Provider.STRAVA))
        .isInstanceOf(TokenCipherException.class);
  }

  @Test
  void unknownKeyId_truncated_andForeignBytes_failCleanly() {
    byte[] sealed = LocalAesGcmTokenCipher.of("k9", KEY_1).encrypt(TOKEN, ALICE, Provider.STRAVA);

    assertThatThrownBy(() -> cipher.decrypt(sealed, ALICE, Provider.STRAVA))
        .isInstanceOf(TokenCipherException.class);
    assertThatThrownBy(() -> cipher.decrypt(Arrays.copyOf(sealed, 10), ALICE, Provider.STRAVA))
        .isInstanceOf(TokenCipherException.class);
    assertThatThrownBy(() -> cipher.decrypt(new byte[] {9, 9, 9}, ALICE, Provider.STRAVA))
        .isInstanceOf(TokenCipherException.class);
  }

  @Test
  void rotation_newCiphertextsUseTheActiveKey_oldOnesStillDecrypt() {
    byte[] old = cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);
    LocalAesGcmTokenCipher rotated =
        new LocalAesGcmTokenCipher(Map.of("k1", KEY_1, "k2", KEY_2), "k2", new SecureRandom());

    byte[] fresh = rotated.encrypt(TOKEN, ALICE, Provider.STRAVA);

    assertThat(rotated.decrypt(old, ALICE, Provider.STRAVA)).isEqualTo(TOKEN);
    assertThat(new String(fresh, 2, fresh[1], StandardCharsets.US_ASCII)).isEqualTo("k2");
    assertThatThrownBy(() -> cipher.decrypt(fresh, ALICE, Provider.STRAVA))
        .isInstanceOf(TokenCipherException.class);
  }

  @Test
  void keysMustBe256Bits() {
    assertThatThrownBy(() -> LocalAesGcmTokenCipher.of("k1", Secret.ofBytes(new byte[16])))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
