package app.stride.edge.ratelimit;

import app.stride.core.config.Env;
import app.stride.core.openapi.OpenApiSpec;
import app.stride.core.openapi.Operation;
import app.stride.edge.redis.RedisEndpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rate limits of the edge, as the gateway and the functions call them: one {@link #check} per
 * request, before any function logic.
 *
 * <p>A request takes a token from its route class's IP bucket and, when the caller is
 * authenticated, from its user bucket; the most restrictive bucket decides. Every decision counts
 * in {@value #DECISIONS} with the tags {@code route_class}, {@code outcome} ({@code allowed} or
 * {@code limited}) and {@code dimension} (of the deciding bucket, {@code none} when no bucket
 * applied).
 *
 * <pre>{@code
 * EdgeRateLimits limits = EdgeRateLimits.fromEnvironment(Env.system(), List.of(spec), registry);
 * RateLimitDecision decision =
 *     limits.check(operation.operationId(), request.method(), userId, request.sourceIp());
 * decision.orThrow();                  // 429 problem with Retry-After, RateLimit, RateLimit-Policy
 * response headers += decision.headers();
 * }</pre>
 */
public final class EdgeRateLimits implements AutoCloseable {

  /** Counter of decisions. */
  public static final String DECISIONS = "stride.ratelimit.decisions";

  /** The IP subject when the edge saw no address: one shared bucket, so the limits still hold. */
  static final String UNKNOWN_IP = "unknown";

  private final RateLimitConfig config;
  private final RateLimiter limiter;
  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  /**
   * @param config the limits and the class of each operation
   * @param limiter where the buckets live
   * @param registry where the decisions are counted
   */
  public EdgeRateLimits(RateLimitConfig config, RateLimiter limiter, MeterRegistry registry) {
    this.config = Objects.requireNonNull(config, "config");
    this.limiter = Objects.requireNonNull(limiter, "limiter");
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * The limits of {@link RateLimitConfig#load} over the operations of {@code specs}, with buckets
   * in Redis when {@code STRIDE_REDIS_URL} is set (tokens leased a few at a time, see {@link
   * LeasingRateLimiter}; falling back to this process while it fails), else in this process. See
   * {@link RateLimitSettings} for the variables.
   */
  public static EdgeRateLimits fromEnvironment(
      Env env, Collection<OpenApiSpec> specs, MeterRegistry registry) {
    List<Operation> operations = specs.stream().flatMap(s -> s.operations().stream()).toList();
    return create(
        RateLimitConfig.load(operations), RateLimitSettings.from(env), Clock.systemUTC(), registry);
  }

  /** The limits of {@code config} on the limiter the settings describe. */
  public static EdgeRateLimits create(
      RateLimitConfig config, RateLimitSettings settings, Clock clock, MeterRegistry registry) {
    LocalRateLimiter local = new LocalRateLimiter(clock, settings.localMaxKeys());
    RateLimiter limiter =
        settings
            .redis()
            .<RateLimiter>map(
                redis ->
                    new FallbackRateLimiter(
                        shared(redis, settings),
                        local,
                        clock,
                        settings.probeInterval(),
                        registry,
                        Set.of(RateLimitConfig.AUTH)))
            .orElse(local);
    return new EdgeRateLimits(config, limiter, registry);
  }

  /** Redis, through token leases unless the settings switch them off. */
  private static SharedRateLimiter shared(RedisEndpoint endpoint, RateLimitSettings settings) {
    RedisRateLimiter redis = RedisRateLimiter.create(endpoint, settings.redisTimeout());
    return settings.leases()
        ? new LeasingRateLimiter(
            redis, LeasePolicy.standard(), settings.localMaxKeys(), settings.redisTimeout())
        : redis;
  }

  /**
   * Takes a token for one request from every bucket that applies, or refuses it.
   *
   * @param operationId the operation the request matched, or null when it matched none (then the
   *     method decides the class)
   * @param method the HTTP method
   * @param userId the access token's {@code sub} when the caller is authenticated
   * @param sourceIp the client address as the edge saw it
   * @return the decision; call {@link RateLimitDecision#orThrow()} to answer 429 when refused
   * @throws RateLimiterUnavailableException only if the limiter has no fallback and fails
   */
  public RateLimitDecision check(
      String operationId, String method, Optional<String> userId, String sourceIp) {
    Objects.requireNonNull(userId, "userId");
    RouteClass routeClass = config.classFor(operationId, method);
    List<Bucket> buckets = buckets(routeClass, userId, sourceIp);
    if (buckets.isEmpty()) {
      count(routeClass.name(), true, "none");
      return new RateLimitDecision(
          true, routeClass.name(), Optional.empty(), Duration.ZERO, Map.of());
    }
    Acquisition acquisition = limiter.acquire(buckets);
    // At most one bucket per dimension (user, then ip): the more restrictive goes first, and a tie
    // keeps the user bucket first.
    List<BucketState> states = acquisition.states();
    List<Bucket> orderedBuckets = buckets;
    List<BucketState> orderedStates = states;
    if (buckets.size() == 2 && MORE_RESTRICTIVE.compare(states.get(1), states.get(0)) < 0) {
      orderedBuckets = List.of(buckets.get(1), buckets.get(0));
      orderedStates = List.of(states.get(1), states.get(0));
    }
    Dimension deciding = orderedBuckets.get(0).key().dimension();
    Duration retryAfter =
        acquisition.allowed()
            ? Duration.ZERO
            : Duration.ofSeconds(retryAfterSeconds(orderedStates));

    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(RateLimitHeaders.POLICY, RateLimitHeaders.policy(orderedBuckets));
    headers.put(RateLimitHeaders.LIMIT, RateLimitHeaders.limit(orderedBuckets, orderedStates));
    if (!acquisition.allowed()) {
      headers.put(RateLimitHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
    }
    count(routeClass.name(), acquisition.allowed(), deciding.id());
    return new RateLimitDecision(
        acquisition.allowed(), routeClass.name(), Optional.of(deciding), retryAfter, headers);
  }

  /** The limits this facade applies. */
  public RateLimitConfig config() {
    return config;
  }

  /** Closes the limiter (its Redis client) if it can be closed. */
  @Override
  public void close() {
    Closeables.closeIfCloseable(limiter);
  }

  private static List<Bucket> buckets(
      RouteClass routeClass, Optional<String> userId, String sourceIp) {
    List<Bucket> buckets = new ArrayList<>(2);
    Optional<String> user = userId.filter(id -> !id.isBlank());
    routeClass
        .bucket(Dimension.USER)
        .ifPresent(
            spec ->
                user.ifPresent(
                    id ->
                        buckets.add(
                            new Bucket(
                                BucketKey.of(routeClass.name(), Dimension.USER, id), spec))));
    String ip = sourceIp == null || sourceIp.isBlank() ? UNKNOWN_IP : sourceIp.trim();
    routeClass
        .bucket(Dimension.IP)
        .ifPresent(
            spec ->
                buckets.add(new Bucket(BucketKey.of(routeClass.name(), Dimension.IP, ip), spec)));
    return buckets;
  }

  /** Empty buckets first, fewest tokens first, longest wait first. */
  private static final Comparator<BucketState> MORE_RESTRICTIVE =
      Comparator.comparingLong(BucketState::remaining)
          .thenComparing(Comparator.comparingLong(BucketState::microsToNextToken).reversed());

  /** Whole seconds until every empty bucket has a token again, at least 1. */
  private static long retryAfterSeconds(List<BucketState> states) {
    return states.stream()
        .filter(state -> !state.hasToken())
        .mapToLong(BucketState::secondsToNextToken)
        .max()
        .orElse(1);
  }

  private void count(String routeClass, boolean allowed, String dimension) {
    String outcome = allowed ? "allowed" : "limited";
    counters
        .computeIfAbsent(
            routeClass + '|' + outcome + '|' + dimension,
            key ->
                Counter.builder(DECISIONS)
                    .description("Rate limit decisions at the edge")
                    .tag("route_class", routeClass)
                    .tag("outcome", outcome)
                    .tag("dimension", dimension)
                    .register(registry))
        .increment();
  }
}
