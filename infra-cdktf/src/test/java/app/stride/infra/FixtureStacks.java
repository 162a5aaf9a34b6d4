package app.stride.infra;

import app.stride.infra.capability.Capabilities;
import app.stride.infra.capability.Capability;
import app.stride.infra.config.EnvConfig;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default environment's stacks built from the fixtures instead of the repository's: routes from
 * the fixture spec ({@link SpecFixtures#CAPABILITIES}) for {@link #CAPABILITIES}. Built once per
 * test JVM; each stack is synthesized on first use (a synth costs seconds).
 */
public final class FixtureStacks {

  /** The capabilities the fixture stacks deploy: every one, devices with its worker. */
  public static final List<Capability> CAPABILITIES = Capabilities.ALL;

  private static final Map<String, TerraformStack> STACKS = build();
  private static final Map<String, TfStack> SYNTHESIZED = new ConcurrentHashMap<>();

  private FixtureStacks() {}

  /** The default environment's config. */
  public static EnvConfig config() {
    return SynthesizedStacks.config();
  }

  /** The stack of the region with {@code regionId}, synthesized on first use. */
  public static TfStack region(String regionId) {
    return stack(config().region(regionId).orElseThrow().stackName());
  }

  /** One stack by name, synthesized on first use. */
  public static TfStack stack(String name) {
    TerraformStack stack = STACKS.get(name);
    if (stack == null) {
      throw new IllegalArgumentException("no stack " + name + " in " + STACKS.keySet());
    }
    // Synthesis goes through one jsii runtime: one at a time.
    synchronized (FixtureStacks.class) {
      return SYNTHESIZED.computeIfAbsent(name, n -> TfStack.parse(n, Testing.synth(stack)));
    }
  }

  /** Every stack of the default config with the fixture spec and capabilities, not synthesized. */
  private static Map<String, TerraformStack> build() {
    try {
      Path root = Files.createTempDirectory("stride-fixture-root");
      Path spec = root.resolve(config().edge().apiSpec());
      Files.createDirectories(spec.getParent());
      Files.copy(SpecFixtures.CAPABILITIES, spec);
      App app = Testing.app();
      return StrideStacks.addAll(
          app, config(), new ArtifactLocator(root), new ApiSpecs(root), CAPABILITIES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
