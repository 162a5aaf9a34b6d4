package app.stride.edge.function;

import app.stride.core.config.Env;
import app.stride.core.function.ApiFunction;
import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.edge.observability.EdgeMetrics;
import app.stride.edge.observability.RequestLog;
import app.stride.edge.observability.RequestObserver;
import app.stride.edge.observability.ServiceIdentity;
import app.stride.edge.ratelimit.EdgeRateLimits;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Puts the edge around a capability's HTTP function, as each cloud deployable serves it:
 *
 * <ol>
 *   <li>{@link RequestObserver} (outermost): the trace scope, one request log line and one timer
 *       sample per request, whatever answered;
 *   <li>{@link OriginVerification} when {@value OriginVerification#SECRET_ENV} is set: a request
 *       that bypassed the CDN gets 403 before routing or authentication;
 *   <li>the function with a {@link RateLimitGuard} over {@link EdgeRateLimits#fromEnvironment}
 *       (Redis from {@code STRIDE_REDIS_URL}, else in-process buckets).
 * </ol>
 *
 * Call it once per process (the function beans are built once): the rate limiter's buckets and its
 * Redis connection live as long as the returned function.
 */
public final class EdgeHttp {
  private EdgeHttp() {}

  /**
   * The served function.
   *
   * @param function the capability's function
   * @param env the deployment's settings: {@code STRIDE_REGION}, the rate limiter's, the origin
   *     secret
   * @param registry where the request and rate-limit meters go
   */
  public static Function<ApiRequest, ApiResponse> around(
      ApiFunction function, Env env, MeterRegistry registry) {
    Objects.requireNonNull(function, "function");
    ServiceIdentity service = new ServiceIdentity(env.require("STRIDE_REGION"), function.name());
    EdgeRateLimits limits = EdgeRateLimits.fromEnvironment(env, List.of(function.spec()), registry);
    ApiFunction guarded = function.withGuard(new RateLimitGuard(limits));
    Function<ApiRequest, ApiResponse> served =
        OriginVerification.fromEnv(env).map(origin -> origin.around(guarded)).orElse(guarded);
    return new RequestObserver(
            service, new EdgeMetrics(registry, service), RequestLog.fromEnv(env), System::nanoTime)
        .around(served, guarded::operationIdOf);
  }
}
