package app.stride.devices.connection;

import app.stride.devices.domain.Provider;
import app.stride.edge.resilience.CallPermit;
import app.stride.edge.resilience.DependencyPolicy;
import app.stride.edge.resilience.OutboundCalls;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Each provider's token endpoint behind its own circuit breaker and bulkhead ({@link
 * OutboundCalls}, dependency {@code oauth-<wire>}, the third-party API defaults: judged over 60 s
 * once 10 calls were made, open at 50 % failures, half-open after 30 s), entered on the caller's
 * thread: the client's own timeouts bound the call. Only outages count against the breaker ({@link
 * OAuthException.Reason#UNAVAILABLE}); a refused code or refresh token is the provider answering.
 * While a breaker is open, calls are refused at once with a {@code 503 dependency-unavailable}
 * problem (with {@code Retry-After}) instead of each waiting out the timeout: a user completing a
 * connection is told to try again, the worker hands its message back to the queue.
 */
public final class GuardedTokenEndpoint implements TokenEndpoint {
  /** What {@link OAuthClient#withDefaults()} allows a call (the guard adds no limit of its own). */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

  private final TokenEndpoint delegate;
  private final OutboundCalls outbound;

  private GuardedTokenEndpoint(TokenEndpoint delegate, OutboundCalls outbound) {
    this.delegate = delegate;
    this.outbound = outbound;
  }

  /**
   * {@code delegate} behind one guard per provider with a token endpoint; meters to {@code
   * registry}.
   */
  public static GuardedTokenEndpoint guard(TokenEndpoint delegate, MeterRegistry registry) {
    OutboundCalls.Builder builder = OutboundCalls.builder(registry);
    for (Provider provider : ProviderCatalog.all().keySet()) {
      builder.dependency(
          DependencyPolicy.thirdPartyApi(dependency(provider)).withCallTimeout(CALL_TIMEOUT),
          GuardedTokenEndpoint::isOutage);
    }
    return new GuardedTokenEndpoint(delegate, builder.build());
  }

  /** The dependency name of a provider's token endpoint. */
  public static String dependency(Provider provider) {
    return "oauth-" + provider.wire();
  }

  static boolean isOutage(Throwable failure) {
    return failure instanceof OAuthException e && e.reason() == OAuthException.Reason.UNAVAILABLE;
  }

  @Override
  public ProviderTokens exchange(
      ProviderEndpoints endpoints,
      ClientCredentials client,
      String code,
      Optional<String> codeVerifier,
      Instant now) {
    return guarded(
        endpoints.provider(), () -> delegate.exchange(endpoints, client, code, codeVerifier, now));
  }

  @Override
  public ProviderTokens refresh(
      ProviderEndpoints endpoints, ClientCredentials client, ProviderTokens current, Instant now) {
    return guarded(endpoints.provider(), () -> delegate.refresh(endpoints, client, current, now));
  }

  private ProviderTokens guarded(Provider provider, Supplier<ProviderTokens> call) {
    CallPermit permit = outbound.enter(dependency(provider));
    try {
      ProviderTokens tokens = call.get();
      permit.succeeded();
      return tokens;
    } catch (RuntimeException e) {
      permit.failed(e);
      throw e;
    }
  }
}
