package app.stride.auth.gcp.adapter.out.firestore;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FirestoreTimesTest {
  @Test
  void exact_keepsNanoseconds_andHasAFixedWidthThatSortsAsText() {
    Instant precise = Instant.parse("2026-03-01T08:15:30.123456789Z");
    Instant whole = Instant.parse("2026-03-01T08:15:30Z");

    assertThat(FirestoreTimes.exact(precise)).isEqualTo("2026-03-01T08:15:30.123456789Z");
    assertThat(FirestoreTimes.exact(whole)).isEqualTo("2026-03-01T08:15:30.000000000Z");
    assertThat(FirestoreTimes.fromExact(FirestoreTimes.exact(precise))).isEqualTo(precise);
    assertThat(FirestoreTimes.exact(whole)).isLessThan(FirestoreTimes.exact(precise));
  }

  @Test
  void exact_ofNull_isNull() {
    assertThat(FirestoreTimes.exact(null)).isNull();
    assertThat(FirestoreTimes.fromExact(null)).isNull();
  }

  @Test
  void ttl_roundsUpToTheMicrosecond_soTtlNeverRemovesALiveDocument() {
    assertThat(FirestoreTimes.ttl(Instant.parse("2026-03-01T08:15:30.123456001Z")))
        .isEqualTo(Timestamp.parseTimestamp("2026-03-01T08:15:30.123457Z"));
    assertThat(FirestoreTimes.ttl(Instant.parse("2026-03-01T08:15:30.123456Z")))
        .isEqualTo(Timestamp.parseTimestamp("2026-03-01T08:15:30.123456Z"));
  }
}
