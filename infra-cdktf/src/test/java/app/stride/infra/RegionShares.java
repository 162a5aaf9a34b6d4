package app.stride.infra;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.capability.Capabilities;
import app.stride.infra.config.EnvConfig;
import app.stride.infra.config.RegionConfig;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shares of Strava's application limits the default environment gives the devices workers of
 * its regions, both clouds: the regions pull with one Strava application, so their shares must not
 * add up to more than its limits.
 */
public final class RegionShares {

  private RegionShares() {}

  /**
   * {@value Capabilities#STRAVA_BUDGET_SHARE_ENV} of each region's devices worker, by region id;
   * {@code null} where the worker or the variable is missing.
   */
  public static Map<String, String> ofDevicesWorkers() {
    Map<String, String> shares = new LinkedHashMap<>();
    for (RegionConfig region : SynthesizedStacks.config().regions()) {
      Map<String, String> env =
          FunctionEnvironments.of(SynthesizedStacks.stack(region.stackName()))
              .get(region.workerFunctionName("devices"));
      shares.put(region.id(), env == null ? null : env.get(Capabilities.STRAVA_BUDGET_SHARE_ENV));
    }
    return shares;
  }

  /**
   * Every configured region has a share, a plain decimal above zero ({@link
   * EnvConfig#regionShare()}), and together they are at most one.
   */
  public static void assertPositive_summingToAtMostOne(Map<String, String> sharesByRegion) {
    EnvConfig env = SynthesizedStacks.config();
    assertThat(sharesByRegion.keySet())
        .containsExactlyInAnyOrderElementsOf(env.regions().stream().map(RegionConfig::id).toList());
    BigDecimal sum = BigDecimal.ZERO;
    for (Map.Entry<String, String> share : sharesByRegion.entrySet()) {
      assertThat(share.getValue()).as(share.getKey()).isNotNull().matches("1|0\\.[0-9]+");
      BigDecimal value = new BigDecimal(share.getValue());
      assertThat(value).as(share.getKey()).isPositive();
      sum = sum.add(value);
    }
    assertThat(sum).isLessThanOrEqualTo(BigDecimal.ONE);
    assertThat(sharesByRegion.values()).containsOnly(env.regionShare());
  }
}
