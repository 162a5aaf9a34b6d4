package app.stride.gcp.firestore;

import app.stride.edge.resilience.StoreResilience;
import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import com.google.cloud.firestore.spi.v1.GrpcFirestoreRpc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Builds Firestore clients. In the cloud the client uses Application Default Credentials (the
 * function's service account). Against the emulator it sets only the emulator host and never any
 * credentials: the client then switches itself to a plaintext channel with the emulator's owner
 * token, whereas {@code setEmulatorHost} combined with {@code NoCredentials} has been seen to reach
 * the real service (DESIGN.md section 8). {@code FirestoreClientsIT} proves the documents land in
 * the emulator.
 *
 * <p>Every client is guarded ({@link FirestoreGuard}): its RPC layer asks the {@value
 * FirestoreGuard#DEPENDENCY} circuit breaker and takes a bulkhead slot before each call, on the
 * caller's thread ({@link GuardedFirestoreRpc}, installed as the client's RPC factory, so the
 * emulator's own channel and credentials are kept), and its retry settings bound each call (total
 * deadline, per-attempt deadline, attempts). An open breaker or a full bulkhead fails the call at
 * once with a {@code 503 store-unavailable} {@link app.stride.core.store.StoreUnavailableException}
 * with {@code Retry-After} ({@link FirestoreCalls} passes it on); {@code UNAVAILABLE}, {@code
 * DEADLINE_EXCEEDED}, {@code INTERNAL} and {@code RESOURCE_EXHAUSTED} count against the breaker.
 */
public final class FirestoreClients {
  private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(20);
  private static final Duration MAX_RETRY_DELAY = Duration.ofMillis(200);

  private FirestoreClients() {}

  /**
   * A new client behind the process's guard ({@link FirestoreGuard#process()}); build it once per
   * function instance and keep it.
   */
  public static Firestore create(FirestoreConfig config) {
    return create(config, FirestoreGuard.process());
  }

  /** A new client behind {@code guard} (tests, or a process that wires its own meters). */
  public static Firestore create(FirestoreConfig config, FirestoreGuard guard) {
    FirestoreOptions.Builder options =
        FirestoreOptions.newBuilder()
            .setProjectId(config.projectId())
            .setDatabaseId(config.databaseId())
            .setRetrySettings(retries(guard.resilience()))
            .setServiceRpcFactory(
                built ->
                    new GuardedFirestoreRpc(
                        rpc((FirestoreOptions) built),
                        guard.calls(),
                        guard.resilience().dependency()));
    config.emulatorHost().ifPresent(options::setEmulatorHost);
    return options.build().getService();
  }

  /**
   * The client's deadlines: the call's time limit for all its attempts together, each attempt
   * getting what is left of it. Not {@link StoreResilience#attemptTimeout()}: a per-attempt
   * deadline shorter than the call's cut first calls off while the channel was still connecting
   * (seen against the emulator on a loaded machine, attempts ending after about half their
   * deadline), so Firestore retries only within the one call deadline.
   */
  static RetrySettings retries(StoreResilience limits) {
    Duration call = limits.policy().callTimeout();
    return RetrySettings.newBuilder()
        .setTotalTimeoutDuration(call)
        .setInitialRpcTimeoutDuration(call)
        .setMaxRpcTimeoutDuration(call)
        .setRpcTimeoutMultiplier(1.0)
        .setInitialRetryDelayDuration(FIRST_RETRY_DELAY)
        .setRetryDelayMultiplier(2.0)
        .setMaxRetryDelayDuration(MAX_RETRY_DELAY)
        .setMaxAttempts(limits.maxAttempts())
        .build();
  }

  private static GrpcFirestoreRpc rpc(FirestoreOptions options) {
    try {
      return new GrpcFirestoreRpc(options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the Firestore channel", e);
    }
  }
}
