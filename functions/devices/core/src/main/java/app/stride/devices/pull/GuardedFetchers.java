package app.stride.devices.pull;

import app.stride.devices.connection.Secret;
import app.stride.devices.domain.Provider;
import app.stride.devices.webhook.WebhookNotification;
import app.stride.edge.resilience.BreakerPolicy;
import app.stride.edge.resilience.DependencyPolicy;
import app.stride.edge.resilience.OutboundCalls;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;

/**
 * Each provider's API behind its own time limit, circuit breaker and bulkhead ({@link
 * OutboundCalls}, dependency {@code provider-<wire>}): a provider that is down or slow is not
 * hammered by every queued notification, and its outage does not use up the worker's threads for
 * the other providers. Only outages count against the breaker ({@link
 * FetchException.Reason#UNAVAILABLE} and time-outs); a missing activity, a refused token or a bad
 * file are the provider answering. An open breaker or a full bulkhead throws a {@code 503
 * dependency-unavailable} problem, which the worker hands back to the queue like any retryable
 * failure.
 */
public final class GuardedFetchers {
  /** A file download may take a while on a slow link; the fetchers' own limit is 60 s. */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(75);

  /** Slow means over 30 s: downloads of big files are legitimately slower than API calls. */
  static final BreakerPolicy BREAKER =
      new BreakerPolicy(
          50, 80, Duration.ofSeconds(30), Duration.ofSeconds(120), 10, Duration.ofSeconds(30), 3);

  private GuardedFetchers() {}

  /** The dependency name of a provider's API. */
  public static String dependency(Provider provider) {
    return "provider-" + provider.wire();
  }

  /** {@code fetchers}, each behind its provider's guard; meters go to {@code registry}. */
  public static List<ActivityFetcher> guard(
      List<ActivityFetcher> fetchers, MeterRegistry registry) {
    OutboundCalls.Builder builder = OutboundCalls.builder(registry);
    for (ActivityFetcher fetcher : fetchers) {
      builder.dependency(
          DependencyPolicy.thirdPartyApi(dependency(fetcher.provider()))
              .withCallTimeout(CALL_TIMEOUT)
              .withBreaker(BREAKER),
          GuardedFetchers::isOutage);
    }
    OutboundCalls outbound = builder.build();
    return fetchers.stream().map(f -> (ActivityFetcher) new Guarded(f, outbound)).toList();
  }

  static boolean isOutage(Throwable failure) {
    return failure instanceof FetchException e && e.reason() == FetchException.Reason.UNAVAILABLE;
  }

  private record Guarded(ActivityFetcher delegate, OutboundCalls outbound)
      implements ActivityFetcher {
    @Override
    public Provider provider() {
      return delegate.provider();
    }

    @Override
    public List<FetchedActivity> fetch(WebhookNotification notification, Secret accessToken) {
      return outbound.call(
          dependency(delegate.provider()), () -> delegate.fetch(notification, accessToken));
    }
  }
}
