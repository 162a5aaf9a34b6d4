package app.stride.devices.gcp.adapter.out.firestore;

import static app.stride.devices.gcp.adapter.out.firestore.ActivityTestData.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.config.Env;
import app.stride.edge.resilience.StoreResilience;
import app.stride.gcp.firestore.FirestoreClients;
import app.stride.gcp.firestore.FirestoreConfig;
import app.stride.gcp.firestore.FirestoreGuard;
import app.stride.testkit.junit.FirestoreExtension;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link FirestoreSharedCallCounter} against the Firestore emulator: the window's document, the
 * refusal at the limit without a write, independent windows, and many callers on two clients (two
 * instances of a region, each with its own guard) together admitting exactly the limit.
 */
class FirestoreSharedCallCounterIT {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();

  private static final Instant EXPIRES = NOW.plus(Duration.ofMinutes(75));

  private static Firestore firestore;
  private static Firestore otherInstance;
  private FirestoreSharedCallCounter counter;
  private String window;

  @BeforeAll
  static void connect() {
    firestore = client();
    otherInstance = client();
  }

  @AfterAll
  static void close() throws Exception {
    firestore.close();
    otherInstance.close();
  }

  @BeforeEach
  void freshWindow() {
    counter = new FirestoreSharedCallCounter(firestore);
    window = "strava:quarter:" + UUID.randomUUID();
  }

  @Test
  void tryCount_countsUpToTheLimit_thenRefuses_andTheDocumentHoldsTheLimitAndTheExpiry()
      throws Exception {
    List<Boolean> counted = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      counted.add(counter.tryCount(window, 3, EXPIRES));
    }

    assertThat(counted).containsExactly(true, true, true, false);
    DocumentSnapshot raw = raw(window);
    assertThat(raw.getData()).containsOnlyKeys("used", "expiresAt");
    assertThat(raw.getLong("used")).isEqualTo(3L);
    assertThat(raw.getTimestamp("expiresAt"))
        .as("a timestamp, the TTL policy's field")
        .isEqualTo(Timestamp.ofTimeSecondsAndNanos(EXPIRES.getEpochSecond(), 0));
  }

  @Test
  void tryCount_inAFullWindow_writesNothing() throws Exception {
    assertThat(counter.tryCount(window, 1, EXPIRES)).isTrue();
    Timestamp written = raw(window).getUpdateTime();

    assertThat(counter.tryCount(window, 1, EXPIRES.plus(Duration.ofDays(1)))).isFalse();

    DocumentSnapshot raw = raw(window);
    assertThat(raw.getUpdateTime()).isEqualTo(written);
    assertThat(raw.getLong("used")).isEqualTo(1L);
    assertThat(raw.getTimestamp("expiresAt"))
        .isEqualTo(Timestamp.ofTimeSecondsAndNanos(EXPIRES.getEpochSecond(), 0));
  }

  @Test
  void tryCount_countsEachWindowOnItsOwn() throws Exception {
    String day = "strava:day:" + UUID.randomUUID();

    assertThat(counter.tryCount(window, 2, EXPIRES)).isTrue();
    assertThat(counter.tryCount(window, 2, EXPIRES)).isTrue();
    assertThat(counter.tryCount(window, 2, EXPIRES)).isFalse();

    assertThat(counter.tryCount(day, 2, EXPIRES)).isTrue();
    assertThat(raw(day).getLong("used")).isEqualTo(1L);
    assertThat(raw(window).getLong("used")).isEqualTo(2L);
  }

  @Test
  void manyConcurrentCallers_onTwoClients_admitExactlyTheLimit() throws Exception {
    int threads = 16;
    int attemptsEach = 20;
    int limit = 50;
    List<FirestoreSharedCallCounter> instances =
        List.of(counter, new FirestoreSharedCallCounter(otherInstance));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        FirestoreSharedCallCounter instance = instances.get(t % instances.size());
        Callable<Integer> caller =
            () -> {
              start.await();
              int admitted = 0;
              for (int i = 0; i < attemptsEach; i++) {
                if (instance.tryCount(window, limit, EXPIRES)) {
                  admitted++;
                }
              }
              return admitted;
            };
        results.add(pool.submit(caller));
      }
      start.countDown();
      int admitted = 0;
      for (Future<Integer> result : results) {
        admitted += result.get(120, TimeUnit.SECONDS);
      }

      assertThat(admitted).isEqualTo(limit);
      assertThat(raw(window).getLong("used")).isEqualTo((long) limit);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anInvalidWindowOrLimit_isRefusedBeforeAnyWrite() throws Exception {
    String spaced = "strava quarter " + UUID.randomUUID();
    String tooLong = "strava:" + "x".repeat(58);

    assertThatThrownBy(() -> counter.tryCount(spaced, 10, EXPIRES))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> counter.tryCount(tooLong, 10, EXPIRES))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> counter.tryCount(window, 0, EXPIRES))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> counter.tryCount("strava/quarter", 10, EXPIRES))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(raw(spaced).exists()).isFalse();
    assertThat(raw(tooLong).exists()).isFalse();
    assertThat(raw(window).exists()).isFalse();
  }

  /**
   * A client behind its own guard, as each function instance has one, whose breaker counts only
   * calls over 10 s as slow: sixteen callers on a loaded emulator are slow, and the breaker is not
   * what is tested here ({@code GuardedFirestoreIT} is).
   */
  private static Firestore client() {
    StoreResilience lenient =
        StoreResilience.fromEnv(
            new Env(
                Map.of(
                    "STRIDE_OUTBOUND_FIRESTORE_CALL_TIMEOUT_MS", "10000",
                    "STRIDE_OUTBOUND_FIRESTORE_SLOW_CALL_MS", "10000")),
            FirestoreGuard.defaults());
    return FirestoreClients.create(
        new FirestoreConfig(FIRESTORE.projectId(), null, Optional.of(FIRESTORE.emulatorHost())),
        FirestoreGuard.create(lenient, new SimpleMeterRegistry()));
  }

  private static DocumentSnapshot raw(String window) throws Exception {
    return firestore.collection(FirestoreSharedCallCounter.COLLECTION).document(window).get().get();
  }
}
