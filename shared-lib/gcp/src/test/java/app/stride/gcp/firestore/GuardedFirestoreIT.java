package app.stride.gcp.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import app.stride.core.config.Env;
import app.stride.core.problem.ProblemType;
import app.stride.core.store.StoreUnavailableException;
import app.stride.core.store.VersionConflictException;
import app.stride.edge.resilience.OutboundCalls;
import app.stride.edge.resilience.StoreResilience;
import app.stride.testkit.junit.FirestoreExtension;
import app.stride.testkit.server.FirestoreEmulator;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.Firestore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A guarded Firestore client against a real Firestore emulator of its own, stopped hard with
 * SIGSTOP (the process hangs: connections stay open, nothing answers): calls end at the client's
 * deadline instead of hanging, the breaker opens within its window and later calls answer {@code
 * 503 store-unavailable} with {@code Retry-After} at once; after SIGCONT the breaker half-opens
 * after its wait and closes. Lost preconditions are the store answering and never open it.
 */
class GuardedFirestoreIT {
  /** Only checks that the emulator is installed (or says loudly that this suite cannot run). */
  @RegisterExtension static final FirestoreExtension INSTALLED = new FirestoreExtension();

  private static final long OPEN_MS = 1_000;

  private static FirestoreEmulator emulator;
  private static ProcessHandle emulatorProcess;

  private SimpleMeterRegistry registry;
  private Firestore firestore;
  private static int counter;

  @BeforeAll
  static void startOwnEmulator() {
    emulator = FirestoreEmulator.start();
    String port = emulator.emulatorHost().substring(emulator.emulatorHost().lastIndexOf(':') + 1);
    emulatorProcess =
        ProcessHandle.current()
            .descendants()
            .filter(p -> p.info().commandLine().orElse("").matches(".*--port=" + port + "(\\s.*)?"))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("emulator process not found"));
    warmUp();
  }

  /** A fresh emulator answers its first calls slowly (its JIT is cold): not what is tested here. */
  private static void warmUp() {
    try (Firestore warm =
        FirestoreClients.create(
            new FirestoreConfig(emulator.projectId(), null, Optional.of(emulator.emulatorHost())),
            FirestoreGuard.create(
                StoreResilience.fromEnv(
                    new Env(
                        Map.of(
                            "STRIDE_OUTBOUND_FIRESTORE_CALL_TIMEOUT_MS", "10000",
                            "STRIDE_OUTBOUND_FIRESTORE_ATTEMPT_TIMEOUT_MS", "10000")),
                    FirestoreGuard.DEPENDENCY),
                new SimpleMeterRegistry()))) {
      for (int i = 0; i < 20; i++) {
        DocumentReference ref = warm.collection("warm-up").document("w" + i);
        VersionedDocuments.create(ref, Map.of("version", 1L));
        VersionedDocuments.read(ref);
      }
    } catch (Exception e) {
      throw new IllegalStateException("emulator warm-up failed", e);
    }
  }

  @AfterAll
  static void stopOwnEmulator() throws Exception {
    signal("CONT");
    emulator.close();
  }

  /** 1 s per call, 2 attempts; judged from 4 calls; open 1 s; 2 trials. */
  @BeforeEach
  void guardedClient() {
    registry = new SimpleMeterRegistry();
    StoreResilience resilience =
        StoreResilience.fromEnv(
            new Env(
                Map.of(
                    "STRIDE_OUTBOUND_FIRESTORE_CALL_TIMEOUT_MS", "1000",
                    "STRIDE_OUTBOUND_FIRESTORE_MAX_ATTEMPTS", "2",
                    "STRIDE_OUTBOUND_FIRESTORE_MIN_CALLS", "4",
                    "STRIDE_OUTBOUND_FIRESTORE_OPEN_MS", Long.toString(OPEN_MS),
                    "STRIDE_OUTBOUND_FIRESTORE_HALF_OPEN_CALLS", "2")),
            FirestoreGuard.DEPENDENCY);
    firestore =
        FirestoreClients.create(
            new FirestoreConfig(emulator.projectId(), null, Optional.of(emulator.emulatorHost())),
            FirestoreGuard.create(resilience, registry));
  }

  @AfterEach
  void resumeAndClose() throws Exception {
    signal("CONT");
    firestore.close();
  }

  private static void signal(String name) throws IOException, InterruptedException {
    Process kill =
        new ProcessBuilder("kill", "-" + name, Long.toString(emulatorProcess.pid()))
            .inheritIO()
            .start();
    assertThat(kill.waitFor()).isZero();
  }

  private DocumentReference fresh() {
    return firestore.collection("guarded").document("d" + ++counter);
  }

  private StoreUnavailableException unavailable(DocumentReference ref) {
    try {
      VersionedDocuments.read(ref);
      throw new AssertionError("expected a 503 store-unavailable");
    } catch (StoreUnavailableException e) {
      assertThat(e.problem().type()).isEqualTo(ProblemType.STORE_UNAVAILABLE.uri());
      assertThat(e.headers()).containsKey("Retry-After");
      return e;
    }
  }

  private int breakerState() {
    return (int)
        registry
            .get(OutboundCalls.BREAKER_STATE_METER)
            .tag(OutboundCalls.DEPENDENCY_TAG, FirestoreGuard.DEPENDENCY)
            .gauge()
            .value();
  }

  /**
   * Waits up to a second for the breaker to reach {@code state}: a read's answer arrives before its
   * stream completes, and the guard records the call when the stream completes.
   */
  private void awaitBreaker(int state) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
    while (breakerState() != state && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(breakerState()).isEqualTo(state);
  }

  private void awaitCalls(String outcome, long count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
    while (calls(outcome) != count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(calls(outcome)).isEqualTo(count);
  }

  private long calls(String outcome) {
    return (long)
        registry
            .get(OutboundCalls.CALLS_METER)
            .tag(OutboundCalls.DEPENDENCY_TAG, FirestoreGuard.DEPENDENCY)
            .tag("outcome", outcome)
            .counter()
            .count();
  }

  @Test
  void healthyEmulator_answersThroughTheGuard() throws Exception {
    DocumentReference ref = fresh();

    VersionedDocuments.create(ref, Map.of("version", 1L, "name", "a"));

    assertThat(VersionedDocuments.read(ref)).isPresent();
    awaitCalls("success", 2);
    assertThat(breakerState()).isZero();
  }

  @Test
  void hungEmulator_opensTheBreaker_fast503s_thenRecoversAfterItResumes() throws Exception {
    DocumentReference ref = fresh();

    signal("STOP");
    for (int i = 0; i < 4; i++) {
      long start = System.nanoTime();
      unavailable(ref);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
    assertThat(breakerState()).isEqualTo(1);
    assertThat(calls("timeout")).isEqualTo(4);

    StoreUnavailableException shed =
        assertTimeoutPreemptively(Duration.ofMillis(200), () -> unavailable(ref));
    assertThat(shed.headers().get("Retry-After")).isEqualTo("1");
    assertThat(calls("rejected-open")).isEqualTo(1);

    signal("CONT");
    Thread.sleep(OPEN_MS + 100);
    assertThat(VersionedDocuments.read(ref)).isEmpty();
    awaitBreaker(2);
    assertThat(VersionedDocuments.read(ref)).isEmpty();
    awaitBreaker(0);
  }

  @Test
  void lostPreconditions_areAnswers_andNeverOpenTheBreaker() {
    DocumentReference ref = fresh();
    VersionedDocuments.create(ref, Map.of("version", 1L, "name", "a"));

    for (int i = 0; i < 6; i++) {
      assertThatThrownBy(() -> VersionedDocuments.create(ref, Map.of("version", 1L)))
          .isInstanceOf(VersionConflictException.class);
      assertThatThrownBy(() -> VersionedDocuments.delete(ref, 7))
          .isInstanceOf(VersionConflictException.class);
    }

    assertThat(breakerState()).isZero();
    assertThat(calls("failure")).isZero();
  }
}
