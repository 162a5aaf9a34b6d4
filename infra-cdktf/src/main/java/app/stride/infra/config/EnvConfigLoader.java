package app.stride.infra.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads an {@link EnvConfig} from JSON, strictly: unknown or missing fields fail the synth. */
public final class EnvConfigLoader {

  /** The classpath resource holding the default (production) environment. */
  public static final String DEFAULT_RESOURCE = "/stride-infra.json";

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .build();

  private EnvConfigLoader() {}

  /** Loads the default environment shipped with this module. */
  public static EnvConfig loadDefault() {
    try (InputStream in = EnvConfigLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + DEFAULT_RESOURCE);
      }
      return MAPPER.readValue(in, EnvConfig.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads an environment from a file. */
  public static EnvConfig load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return MAPPER.readValue(in, EnvConfig.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Parses an environment from JSON text. */
  public static EnvConfig parse(String json) {
    return MAPPER.readValue(json, EnvConfig.class);
  }
}
