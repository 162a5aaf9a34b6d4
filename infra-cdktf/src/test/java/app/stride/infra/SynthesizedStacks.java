package app.stride.infra;

import app.stride.infra.config.EnvConfig;
import app.stride.infra.config.EnvConfigLoader;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The default environment synthesized once per test JVM and shared by every test class: a synth
 * costs seconds and most of a gigabyte in Node, so no test synthesizes the default stacks again.
 * The repo root is an empty directory, so no built artifact is needed (or picked up by accident).
 */
public final class SynthesizedStacks {

  private static final Map<String, TfStack> STACKS = synthesizeDefault();

  private SynthesizedStacks() {}

  /** The default environment's config. */
  public static EnvConfig config() {
    return EnvConfigLoader.loadDefault();
  }

  /** All stacks by name. */
  public static Map<String, TfStack> all() {
    return STACKS;
  }

  /** One stack by name. */
  public static TfStack stack(String name) {
    TfStack stack = STACKS.get(name);
    if (stack == null) {
      throw new IllegalArgumentException("no stack " + name + " in " + STACKS.keySet());
    }
    return stack;
  }

  /** The stack of the region with {@code regionId}. */
  public static TfStack region(String regionId) {
    return stack(config().region(regionId).orElseThrow().stackName());
  }

  /** Synthesizes every stack {@code env} defines, with artifacts under {@code repoRoot}. */
  public static Map<String, TfStack> synthesize(EnvConfig env, Path repoRoot) {
    App app = Testing.app();
    Map<String, TerraformStack> stacks =
        StrideStacks.addAll(app, env, new ArtifactLocator(repoRoot));
    Map<String, TfStack> result = new LinkedHashMap<>();
    stacks.forEach((name, stack) -> result.put(name, TfStack.parse(name, Testing.synth(stack))));
    return result;
  }

  private static Map<String, TfStack> synthesizeDefault() {
    try {
      return synthesize(config(), Files.createTempDirectory("stride-empty-root"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
