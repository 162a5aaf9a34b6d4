package app.stride.auth.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationWordingTest {
  private final MailCopy english = new EnglishCopy();

  @Test
  void minutes_upTo90_areWholeMinutesRoundedUp() {
    assertThat(DurationWording.of(Duration.ofSeconds(1), english)).isEqualTo("1 minute");
    assertThat(DurationWording.of(Duration.ofSeconds(61), english)).isEqualTo("2 minutes");
    assertThat(DurationWording.of(Duration.ofMinutes(15), english)).isEqualTo("15 minutes");
    assertThat(DurationWording.of(Duration.ofMinutes(75), english)).isEqualTo("75 minutes");
  }

  @Test
  void wholeHours_andLongDurations_areHours() {
    assertThat(DurationWording.of(Duration.ofHours(1), english)).isEqualTo("1 hour");
    assertThat(DurationWording.of(Duration.ofHours(24), english)).isEqualTo("24 hours");
    assertThat(DurationWording.of(Duration.ofMinutes(150), english)).isEqualTo("3 hours");
  }

  @Test
  void pluralForms_followTheLanguage() {
    assertThat(DurationWording.of(Duration.ofMinutes(1), new GermanCopy())).isEqualTo("1 Minute");
    assertThat(DurationWording.of(Duration.ofHours(2), new GermanCopy())).isEqualTo("2 Stunden");
    assertThat(DurationWording.of(Duration.ofHours(1), new SpanishCopy())).isEqualTo("1 hora");
    assertThat(DurationWording.of(Duration.ofMinutes(5), new SpanishCopy())).isEqualTo("5 minutos");
  }

  @Test
  void zeroOrNegative_isRejected() {
    assertThatThrownBy(() -> DurationWording.of(Duration.ZERO, english))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DurationWording.of(Duration.ofMinutes(-1), english))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
