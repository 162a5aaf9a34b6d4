package app.stride.edge.resilience;

import app.stride.core.auth.JwtTokenVerifier;
import app.stride.core.problem.ProblemException;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URL;
import java.util.Objects;

/**
 * A nimbus {@link ResourceRetriever} (JWKS and discovery fetches) whose fetches go through one
 * dependency of an {@link OutboundCalls}: time limit, circuit breaker, bulkhead. A refusal, a
 * timeout or a failure reaches nimbus as the {@link IOException} its contract expects, so its own
 * fallbacks still apply (the access-token verifier keeps the last keys it fetched; see {@link
 * JwtTokenVerifier#forJwksUrl}).
 *
 * <pre>{@code
 * OutboundCalls outbound = OutboundCalls.builder(registry)
 *     .dependency(GuardedResourceRetriever.jwksPolicy()).build();
 * TokenVerifier tokens = TokenVerifiers.fromEnv(env, clock,
 *     new GuardedResourceRetriever(JwtTokenVerifier.jwksRetriever(), outbound, GuardedResourceRetriever.JWKS));
 * }</pre>
 */
public final class GuardedResourceRetriever implements ResourceRetriever {
  /** The dependency name of the access-token issuer's JWKS. */
  public static final String JWKS = "jwks";

  private final ResourceRetriever delegate;
  private final OutboundCalls calls;
  private final String dependency;

  /**
   * Fetches with {@code delegate}, guarded as {@code dependency} of {@code calls}.
   *
   * @throws IllegalArgumentException when {@code calls} has no such dependency
   */
  public GuardedResourceRetriever(
      ResourceRetriever delegate, OutboundCalls calls, String dependency) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.calls = Objects.requireNonNull(calls, "calls");
    if (!calls.knows(dependency)) {
      throw new IllegalArgumentException("configure the " + dependency + " dependency first");
    }
    this.dependency = dependency;
  }

  /**
   * The JWKS dependency's policy: the issuer is another Stride service ({@link
   * DependencyKind#OTHER_REGION_API}) with a 2.5 s limit over the retriever's own 1 s connect and 1
   * s read timeouts.
   */
  public static DependencyPolicy jwksPolicy() {
    return DependencyPolicy.otherRegionApi(JWKS);
  }

  @Override
  public Resource retrieveResource(URL url) throws IOException {
    try {
      return calls.call(dependency, () -> delegate.retrieveResource(url));
    } catch (ProblemException refused) {
      throw new IOException(
          dependency + " unavailable: " + refused.problem().detail(), refused.getCause());
    }
  }
}
