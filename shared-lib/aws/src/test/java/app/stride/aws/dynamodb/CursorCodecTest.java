package app.stride.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.config.Env;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CursorCodecTest {
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final String ALICE = "stride-notes-eu|S:USER#alice";
  private static final String BOB = "stride-notes-eu|S:USER#bob";

  private final CursorCodec codec = new CursorCodec(KEY);
  private final Map<String, AttributeValue> lastKey =
      Map.of(
          "pk", AttributeValue.fromS("USER#alice"),
          "sk", AttributeValue.fromS("NOTE#0042"),
          "n", AttributeValue.fromN("7"));

  @Test
  void decode_returnsTheKeyEncodedForTheSameScope() {
    String cursor = codec.encode(ALICE, lastKey);

    assertThat(codec.decode(ALICE, cursor)).isEqualTo(lastKey);
  }

  @Test
  void encode_isUrlSafeAndOpaque() {
    String cursor = codec.encode(ALICE, lastKey);

    assertThat(cursor).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    assertThat(cursor).doesNotContain("alice");
  }

  @Test
  void decode_refusesACursorReplayedOnAnotherUsersPartition() {
    String cursor = codec.encode(ALICE, lastKey);

    assertValidationFailed(() -> codec.decode(BOB, cursor));
  }

  @Test
  void decode_refusesAForgedPayloadWithTheOriginalSignature() {
    String cursor = codec.encode(ALICE, lastKey);
    String forgedPayload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "{\"pk\":{\"S\":\"USER#bob\"},\"sk\":{\"S\":\"NOTE#0001\"}}"
                    .getBytes(StandardCharsets.UTF_8));
    String forged = forgedPayload + cursor.substring(cursor.indexOf('.'));

    assertValidationFailed(() -> codec.decode(ALICE, forged));
  }

  @Test
  void decode_refusesACursorSignedWithAnotherKey() {
    CursorCodec other =
        new CursorCodec("ffffffffffffffffffffffffffffffff".getBytes(StandardCharsets.UTF_8));

    assertValidationFailed(() -> codec.decode(ALICE, other.encode(ALICE, lastKey)));
  }

  @Test
  void decode_refusesGarbage() {
    assertValidationFailed(() -> codec.decode(ALICE, "not-a-cursor"));
    assertValidationFailed(() -> codec.decode(ALICE, "a.b.c"));
    assertValidationFailed(() -> codec.decode(ALICE, "%%%.###"));
    assertValidationFailed(() -> codec.decode(ALICE, ""));
    assertValidationFailed(() -> codec.decode(ALICE, "x".repeat(5000)));
  }

  @Test
  void constructor_refusesShortKeys() {
    assertThatThrownBy(() -> new CursorCodec(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fromEnv_readsABase64Key() {
    Env env = new Env(Map.of(CursorCodec.KEY_ENV, Base64.getEncoder().encodeToString(KEY)));

    CursorCodec fromEnv = CursorCodec.fromEnv(env);

    assertThat(fromEnv.decode(ALICE, codec.encode(ALICE, lastKey))).isEqualTo(lastKey);
  }

  private static void assertValidationFailed(Runnable call) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().type()).isEqualTo(ProblemType.VALIDATION_FAILED.uri());
              assertThat(e.problem().errors())
                  .extracting(f -> f.pointer())
                  .containsExactly(CursorCodec.POINTER);
            });
  }
}
