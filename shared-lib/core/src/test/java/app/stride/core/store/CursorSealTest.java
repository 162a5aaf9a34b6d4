package app.stride.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CursorSealTest {
  private final CursorSeal seal =
      new CursorSeal("cursor-key-for-tests-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
  private final byte[] payload = "{\"pk\":\"USER#ana\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void open_returnsThePayloadOfAnUntouchedCursor() {
    assertThat(seal.open("workouts:ana", seal.seal("workouts:ana", payload))).isEqualTo(payload);
  }

  @Test
  void open_refusesACursorOfAnotherScope() {
    String anas = seal.seal("workouts:ana", payload);

    assertRefused(() -> seal.open("workouts:bob", anas));
  }

  @Test
  void open_refusesEditedAndMadeUpCursors() {
    String cursor = seal.seal("workouts:ana", payload);
    String forgedPayload =
        java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"pk\":\"USER#bob\"}".getBytes(StandardCharsets.UTF_8))
            + cursor.substring(cursor.indexOf('.'));

    assertRefused(() -> seal.open("workouts:ana", forgedPayload));
    assertRefused(() -> seal.open("workouts:ana", "abc"));
    assertRefused(() -> seal.open("workouts:ana", "a.b.c"));
    assertRefused(() -> seal.open("workouts:ana", "%%%.***"));
    assertRefused(() -> seal.open("workouts:ana", "x".repeat(5000)));
  }

  @Test
  void aCursorFromAnotherKey_isRefused() {
    CursorSeal other =
        new CursorSeal("another-key-for-tests-0123456789abcdef".getBytes(StandardCharsets.UTF_8));

    assertRefused(() -> seal.open("workouts:ana", other.seal("workouts:ana", payload)));
  }

  private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().errors().get(0).pointer()).isEqualTo("query:cursor"));
  }
}
