package app.stride.core.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

class OpenApiSpecJsonTest {

  @Test
  void readJson_givesTheSameDocumentAndOperationsAsTheYaml() {
    OpenApiSpec fromYaml = RequestValidatorTest.spec();

    OpenApiSpec fromJson = OpenApiSpec.readJson("test-api", stream(fromYaml.documentJson()));

    assertThat(fromJson.document()).isEqualTo(fromYaml.document());
    assertThat(fromJson.operations()).isEqualTo(fromYaml.operations());
    assertThat(fromJson.find("PUT", "/v1/things/7")).isPresent();
  }

  @Test
  void readJson_refusesYaml() {
    try (InputStream yaml = getClass().getResourceAsStream("/openapi/test-api.yaml")) {
      assertThatThrownBy(() -> OpenApiSpec.readJson("test-api", yaml))
          .isInstanceOf(JacksonException.class);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void readJson_refusesAnotherOpenApiVersion() {
    assertThatThrownBy(
            () -> OpenApiSpec.readJson("old", stream("{\"openapi\":\"3.0.3\",\"paths\":{}}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not OpenAPI 3.1");
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
