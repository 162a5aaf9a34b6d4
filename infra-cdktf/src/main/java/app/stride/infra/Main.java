package app.stride.infra;

import app.stride.infra.config.EnvConfig;
import app.stride.infra.config.EnvConfigLoader;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import java.nio.file.Path;

/**
 * Synthesizes every Stride stack to Terraform JSON.
 *
 * <p>Output directory: the first argument, else system property {@code stride.infra.outdir}, else
 * {@code CDKTF_OUTDIR} (set by the cdktf CLI), else {@code cdktf.out}. Config: system property
 * {@code stride.infra.config} (a JSON file), else the bundled {@code stride-infra.json}.
 */
public final class Main {

  private Main() {}

  /** Builds the app from config and writes it out. */
  public static void main(String[] args) {
    String outdir =
        args.length > 0
            ? args[0]
            : System.getProperty("stride.infra.outdir", envOr("CDKTF_OUTDIR", "cdktf.out"));
    String configFile = System.getProperty("stride.infra.config");
    EnvConfig env =
        configFile == null
            ? EnvConfigLoader.loadDefault()
            : EnvConfigLoader.load(Path.of(configFile));
    App app = new App(AppConfig.builder().outdir(outdir).build());
    StrideStacks.addAll(app, env, new ArtifactLocator(ArtifactLocator.defaultRepoRoot()));
    app.synth();
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
