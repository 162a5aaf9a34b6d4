package app.stride.edge.resilience;

import app.stride.core.directory.DirectoryKey;
import app.stride.core.directory.DirectoryPort;
import app.stride.core.region.RegionId;
import app.stride.core.store.StoreUnavailableException;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link DirectoryPort} whose calls go through the {@value #DEPENDENCY} dependency of an {@link
 * OutboundCalls}: the global directory is one service for every region, reached over HTTP ({@code
 * HttpDirectory}), so its outage must not hang every sign-in and sign-up.
 *
 * <p>Configure the dependency with {@link #defaultPolicy()} (or an adjusted copy) and {@link
 * #countsAsFailure(Throwable)}:
 *
 * <pre>{@code
 * OutboundCalls outbound = OutboundCalls.builder(meterRegistry)
 *     .dependency(ResilientDirectory.defaultPolicy(), ResilientDirectory::countsAsFailure)
 *     .build();
 * DirectoryPort directory = new ResilientDirectory(HttpDirectory.fromEnv(env, clock), outbound);
 * }</pre>
 *
 * <p>The port's contract holds: a taken key is still a {@code VersionConflictException}, an outage
 * the directory client detects itself still a {@link StoreUnavailableException} (503 {@code
 * store-unavailable}). An open breaker, a full bulkhead or the time limit answer 503 {@code
 * dependency-unavailable} with {@code Retry-After}. There is no fallback: an empty answer would
 * read as "no such account" and could let a taken identifier register again in another region.
 */
public final class ResilientDirectory implements DirectoryPort {
  /** The dependency name of the global directory. */
  public static final String DEPENDENCY = "directory";

  private final DirectoryPort delegate;
  private final OutboundCalls calls;

  /**
   * Routes {@code delegate}'s calls through {@code calls}.
   *
   * @throws IllegalArgumentException when {@code calls} has no {@value #DEPENDENCY} dependency
   */
  public ResilientDirectory(DirectoryPort delegate, OutboundCalls calls) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.calls = Objects.requireNonNull(calls, "calls");
    if (!calls.knows(DEPENDENCY)) {
      throw new IllegalArgumentException("configure the " + DEPENDENCY + " dependency first");
    }
  }

  /**
   * The directory's default policy: another region's API (the global stack), see {@link
   * DependencyKind#OTHER_REGION_API}.
   */
  public static DependencyPolicy defaultPolicy() {
    return DependencyPolicy.otherRegionApi(DEPENDENCY);
  }

  /**
   * The directory's failure rule: only an outage ({@link StoreUnavailableException}: a {@code 5xx},
   * {@code 429}, I/O error or timeout seen by the client) counts. A conflict is an answer, and a
   * refused signature or an unexpected status is a deployment mistake that opening the breaker
   * would only hide behind a 503.
   */
  public static boolean countsAsFailure(Throwable failure) {
    return failure instanceof StoreUnavailableException;
  }

  @Override
  public void register(DirectoryKey key, RegionId home) {
    calls.call(
        DEPENDENCY,
        () -> {
          delegate.register(key, home);
          return null;
        });
  }

  @Override
  public Optional<RegionId> homeRegion(DirectoryKey key) {
    return calls.call(DEPENDENCY, () -> delegate.homeRegion(key));
  }

  @Override
  public void remove(DirectoryKey key) {
    calls.call(
        DEPENDENCY,
        () -> {
          delegate.remove(key);
          return null;
        });
  }
}
