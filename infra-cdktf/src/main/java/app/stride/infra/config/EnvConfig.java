package app.stride.infra.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the stacks of one environment are built from; read once from JSON.
 *
 * @param name environment name, e.g. {@code prod}
 * @param regions the home regions, one regional stack each
 * @param global the global stack
 * @param auth the JWT authorizer settings shared by every region
 * @param throttle default route throttling of every regional API
 * @param observability log retention and alarms
 * @param artifacts where the built functions are
 * @param authFunctions what the auth functions of every region are deployed with
 * @param edge gateway throttling of the auth routes, WAF and Cloud Armor limits, the routed spec
 * @param scaling concurrency caps that are configuration (see {@code FunctionLimits})
 * @param alerting who the alarms notify and when the edge alarms fire
 * @param realtime the real-time chat channel's image and caps
 * @param cache the region's Redis (rate limits, login throttle) and the network it lives in
 */
public record EnvConfig(
    String name,
    List<RegionConfig> regions,
    GlobalConfig global,
    AuthConfig auth,
    ThrottleConfig throttle,
    ObservabilityConfig observability,
    ArtifactConfig artifacts,
    AuthFunctionConfig authFunctions,
    EdgeConfig edge,
    ScalingConfig scaling,
    AlertingConfig alerting,
    RealtimeConfig realtime,
    CacheConfig cache) {

  /** Requires every part and unique region ids and stack names. */
  public EnvConfig {
    Objects.requireNonNull(name, "name");
    regions = List.copyOf(Objects.requireNonNull(regions, "regions"));
    Objects.requireNonNull(global, "global");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(throttle, "throttle");
    Objects.requireNonNull(observability, "observability");
    Objects.requireNonNull(artifacts, "artifacts");
    Objects.requireNonNull(authFunctions, "authFunctions");
    Objects.requireNonNull(edge, "edge");
    Objects.requireNonNull(scaling, "scaling");
    Objects.requireNonNull(alerting, "alerting");
    Objects.requireNonNull(realtime, "realtime");
    Objects.requireNonNull(cache, "cache");
    Set<String> ids = new HashSet<>();
    Set<String> stacks = new HashSet<>();
    for (RegionConfig region : regions) {
      if (!ids.add(region.id()) || !stacks.add(region.stackName())) {
        throw new IllegalArgumentException("duplicate region: " + region.id());
      }
    }
  }

  /** Decimal places of {@link #regionShare()}. */
  public static final int SHARE_SCALE = 6;

  /** This environment with {@code regions} instead of its own (adding a region, tests). */
  public EnvConfig withRegions(List<RegionConfig> regions) {
    return new EnvConfig(
        name,
        regions,
        global,
        auth,
        throttle,
        observability,
        artifacts,
        authFunctions,
        edge,
        scaling,
        alerting,
        realtime,
        cache);
  }

  /**
   * Each region's share of a limit every region draws on at once (a provider application's rate
   * limits: one application for all regions, on both clouds): one over the number of regions, as a
   * plain decimal rounded down to {@value #SHARE_SCALE} places, so that the shares never add up to
   * more than the whole ({@code 0.333333} for three regions, {@code 1} for one).
   */
  public String regionShare() {
    return BigDecimal.ONE
        .divide(BigDecimal.valueOf(regions.size()), SHARE_SCALE, RoundingMode.DOWN)
        .stripTrailingZeros()
        .toPlainString();
  }

  /** The region with the given id, if configured. */
  public Optional<RegionConfig> region(String id) {
    return regions.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
