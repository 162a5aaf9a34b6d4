package app.stride.workouts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WorkoutIdTest {
  private final SecureRandom random = new SecureRandom();

  @Test
  void next_isW_plus26LowerCaseCrockfordCharacters() {
    WorkoutId id = WorkoutId.next(Instant.parse("2026-03-14T09:00:00Z"), random);

    assertThat(id.value()).matches("w_[0-9a-hjkmnp-tv-z]{26}");
  }

  @Test
  void next_sortsByCreationTime() {
    WorkoutId earlier = WorkoutId.next(Instant.parse("2026-03-14T09:00:00.000Z"), random);
    WorkoutId later = WorkoutId.next(Instant.parse("2026-03-14T09:00:00.001Z"), random);

    assertThat(earlier.value()).isLessThan(later.value());
  }

  @Test
  void parse_refusesOtherForms() {
    assertThat(WorkoutId.parse("w_01JD8X4M2Q7R5T9V3W6Y8Z0A1B")).isEmpty();
    assertThat(WorkoutId.parse("w_01jd8x4m2q7r5t9v3w6y8z0a1u")).isEmpty();
    assertThat(WorkoutId.parse("../profiles")).isEmpty();
    assertThat(WorkoutId.parse("w_01jd8x4m2q7r5t9v3w6y8z0a1b")).isPresent();
    assertThatThrownBy(() -> new WorkoutId("x")).isInstanceOf(IllegalArgumentException.class);
  }
}
