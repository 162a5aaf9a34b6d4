package app.stride.gcp.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.problem.ProblemException;
import com.google.cloud.Timestamp;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorCodecTest {
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private final CursorCodec codec = new CursorCodec(KEY);

  @Test
  void decode_returnsThePositionEncodedForTheSameScope() {
    CursorCodec.Position position =
        new CursorCodec.Position(
            Arrays.asList(
                "run",
                42L,
                2.5,
                true,
                null,
                Timestamp.ofTimeSecondsAndNanos(1_700_000_000, 123_000)),
            "workouts/u1/items/w9");

    String cursor = codec.encode("workouts:u1", position);

    assertThat(codec.decode("workouts:u1", cursor)).isEqualTo(position);
  }

  @Test
  void decode_refusesACursorIssuedForAnotherScope() {
    String cursor = codec.encode("workouts:u1", new CursorCodec.Position(List.of("a"), "c/d"));

    assertThatThrownBy(() -> codec.decode("workouts:u2", cursor))
        .satisfies(CursorCodecTest::isInvalid);
  }

  @Test
  void decode_refusesAnAlteredPayload() {
    String cursor = codec.encode("s", new CursorCodec.Position(List.of(1L), "c/d"));
    String[] parts = cursor.split("\\.");
    char flipped = parts[0].charAt(3) == 'A' ? 'B' : 'A';
    String altered = parts[0].substring(0, 3) + flipped + parts[0].substring(4) + "." + parts[1];

    assertThatThrownBy(() -> codec.decode("s", altered)).satisfies(CursorCodecTest::isInvalid);
  }

  @Test
  void decode_refusesACursorSignedWithAnotherKey() {
    byte[] otherKey = KEY.clone();
    otherKey[0] ^= 1;
    String cursor =
        new CursorCodec(otherKey).encode("s", new CursorCodec.Position(List.of(), "c/d"));

    assertThatThrownBy(() -> codec.decode("s", cursor)).satisfies(CursorCodecTest::isInvalid);
  }

  @Test
  void decode_refusesGarbage() {
    for (String garbage :
        List.of("", "abc", "c1..", "c1.!!!.???", "c2.e30.AAAA", "x".repeat(5000))) {
      assertThatThrownBy(() -> codec.decode("s", garbage)).satisfies(CursorCodecTest::isInvalid);
    }
  }

  @Test
  void constructor_refusesAShortKey() {
    assertThatThrownBy(() -> new CursorCodec(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void isInvalid(Throwable thrown) {
    assertThat(thrown).isInstanceOf(ProblemException.class);
    ProblemException problem = (ProblemException) thrown;
    assertThat(problem.problem().status()).isEqualTo(400);
    assertThat(problem.problem().type().toString()).endsWith("validation-failed");
    assertThat(problem.problem().errors())
        .singleElement()
        .satisfies(e -> assertThat(e.pointer()).isEqualTo(CursorCodec.POINTER));
  }
}
