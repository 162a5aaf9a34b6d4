package app.stride.apispecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

class MobileApiJsonTest {

  @Test
  void mobileApiJson_isTheSameTreeAsTheYaml() throws IOException {
    JsonNode fromYaml;
    try (InputStream in = ApiSpecs.mobileApi()) {
      fromYaml = YAMLMapper.builder().build().readTree(in);
    }
    JsonNode fromJson;
    try (InputStream in = ApiSpecs.mobileApiJson()) {
      fromJson = JsonMapper.builder().build().readTree(in);
    }

    assertThat(fromJson.path("paths").has("/v1/me/profile")).isTrue();
    assertThat(fromJson).isEqualTo(fromYaml);
  }

  @Test
  void mobileApiJson_isJsonNotYaml() throws IOException {
    try (InputStream in = ApiSpecs.mobileApiJson()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);

      assertThat(text).startsWith("{\"openapi\":\"3.1");
    }
  }

  @Test
  void mobileApi_keepsServingTheYaml() throws IOException {
    try (InputStream in = ApiSpecs.mobileApi()) {
      assertThat(new String(in.readNBytes(12), StandardCharsets.UTF_8)).isEqualTo("openapi: 3.1");
    }
  }
}
