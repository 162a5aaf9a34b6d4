package app.stride.infra;

import app.stride.infra.aws.AwsRegionStack;
import app.stride.infra.capability.Capabilities;
import app.stride.infra.capability.Capability;
import app.stride.infra.config.EnvConfig;
import app.stride.infra.config.RegionConfig;
import app.stride.infra.gcp.GcpRegionStack;
import app.stride.infra.global.GlobalStack;
import com.hashicorp.cdktf.TerraformStack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/** Instantiates one stack per configured region, by cloud, plus the global stack. */
public final class StrideStacks {

  private StrideStacks() {}

  /**
   * Adds every stack of {@code env} to {@code app}.
   *
   * @return the stacks by name, regional stacks in config order, then {@code global}
   */
  public static Map<String, TerraformStack> addAll(
      Construct app, EnvConfig env, ArtifactLocator artifacts) {
    return addAll(app, env, artifacts, new ApiSpecs(ArtifactLocator.defaultRepoRoot()));
  }

  /**
   * Adds every stack of {@code env} to {@code app}, deriving gateway configs from {@code specs}.
   *
   * @return the stacks by name, regional stacks in config order, then {@code global}
   */
  public static Map<String, TerraformStack> addAll(
      Construct app, EnvConfig env, ArtifactLocator artifacts, ApiSpecs specs) {
    return addAll(app, env, artifacts, specs, Capabilities.ALL);
  }

  /**
   * Adds every stack of {@code env} to {@code app}, each region deploying {@code capabilities}
   * (tests deploy variants of {@link Capabilities#ALL}, e.g. a capability with a worker).
   *
   * @return the stacks by name, regional stacks in config order, then {@code global}
   */
  public static Map<String, TerraformStack> addAll(
      Construct app,
      EnvConfig env,
      ArtifactLocator artifacts,
      ApiSpecs specs,
      List<Capability> capabilities) {
    Map<String, TerraformStack> stacks = new LinkedHashMap<>();
    for (RegionConfig region : env.regions()) {
      TerraformStack stack =
          switch (region.cloud()) {
            case AWS -> new AwsRegionStack(app, region, env, artifacts, specs, capabilities);
            case GCP -> new GcpRegionStack(app, region, env, artifacts, specs, capabilities);
          };
      stacks.put(region.stackName(), stack);
    }
    stacks.put(GlobalStack.NAME, new GlobalStack(app, env, artifacts));
    return stacks;
  }
}
