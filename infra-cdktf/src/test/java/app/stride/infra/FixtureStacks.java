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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default environment's stacks built from the fixtures instead of the repository's: routes from
 * the fixture spec ({@link SpecFixtures#CAPABILITIES}), and {@link #CAPABILITIES}, the catalogue
 * with devices declaring the worker it will have ({@link #DEVICES_WITH_WORKER}), so the worker's
 * constructs stay tested while no real capability declares one. Built once per test JVM; each stack
 * is synthesized on first use (a synth costs seconds).
 */
public final class FixtureStacks {

  /** The worker devices will declare once its consumer exists. */
  public static final Capability.Worker DEVICES_WORKER =
      new Capability.Worker("devicesWorker", "app.stride.devices.gcp.DevicesWorkerFunction", 60);

  /** {@link Capabilities#DEVICES} with {@link #DEVICES_WORKER} draining its work queue. */
  public static final Capability DEVICES_WITH_WORKER = withWorker(Capabilities.DEVICES);

  /** {@link Capabilities#ALL} with devices replaced by {@link #DEVICES_WITH_WORKER}. */
  public static final List<Capability> CAPABILITIES =
      Capabilities.ALL.stream()
          .map(c -> c == Capabilities.DEVICES ? DEVICES_WITH_WORKER : c)
          .toList();

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

  private static Capability withWorker(Capability c) {
    Capability.WorkQueue queue = c.workQueue().orElseThrow();
    return new Capability(
        c.name(),
        c.tableVariable(),
        c.awsMainClass(),
        c.httpDefinition(),
        c.gcpEntryPoint(),
        c.table(),
        c.reads(),
        c.outbox(),
        c.firestoreIndexes(),
        c.bucket(),
        c.envelopeKey(),
        Optional.of(
            new Capability.WorkQueue(
                queue.stem(),
                queue.awsQueueVariable(),
                queue.gcpTopicVariable(),
                Optional.of(DEVICES_WORKER))));
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
