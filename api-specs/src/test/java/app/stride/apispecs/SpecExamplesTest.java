package app.stride.apispecs;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every {@code example} / {@code examples} value in the documents validates against the schema next
 * to it: media types (request and response bodies), parameters and headers.
 */
class SpecExamplesTest {

  private static final SpecSchemas SCHEMAS = new SpecSchemas();

  /** One example value and the pointer of the schema it must satisfy. */
  record Sample(String document, String schemaPointer, String name, JsonNode value) {
    @Override
    public String toString() {
      return document + "#" + schemaPointer + " example '" + name + "'";
    }
  }

  static Stream<Sample> samples() {
    return Stream.of(SpecDocuments.MOBILE_API, SpecDocuments.LOCAL_DEV)
        .flatMap(document -> collect(document).stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void example_validatesAgainstItsSchema(Sample sample) {
    List<Error> errors =
        SCHEMAS.validate(sample.document(), sample.schemaPointer(), sample.value());

    assertThat(errors).as(sample.toString()).isEmpty();
  }

  @Test
  void everyRequestAndResponseBody_hasExamples() {
    for (String document : List.of(SpecDocuments.MOBILE_API, SpecDocuments.LOCAL_DEV)) {
      JsonNode root = SpecDocuments.load(document);
      List<String> bodiesWithoutExamples = new ArrayList<>();
      walk(
          root,
          "",
          (pointer, node) -> {
            if (pointer.contains("/content/") && node.has("schema") && !hasExamples(node)) {
              bodiesWithoutExamples.add(pointer);
            }
          });
      assertThat(bodiesWithoutExamples).as(document).isEmpty();
    }
  }

  @Test
  void collector_findsTheExamplesOfEveryKind() {
    List<Sample> mobile = collect(SpecDocuments.MOBILE_API);

    assertThat(mobile)
        .extracting(Sample::schemaPointer)
        .contains(
            "/paths/~1v1~1me~1profile/put/requestBody/content/application~1json/schema",
            "/paths/~1v1~1me~1profile/patch/requestBody/content/application~1merge-patch+json/schema",
            "/paths/~1v1~1me~1profile/get/responses/200/content/application~1json/schema",
            "/paths/~1health/get/responses/200/content/application~1json/schema",
            "/components/responses/WrongRegion/content/application~1problem+json/schema",
            "/components/parameters/IfMatch/schema",
            "/components/headers/ETag/schema");
    assertThat(mobile).hasSizeGreaterThan(20);
  }

  private static List<Sample> collect(String document) {
    JsonNode root = SpecDocuments.load(document);
    List<Sample> samples = new ArrayList<>();
    walk(
        root,
        "",
        (pointer, node) -> {
          if (!node.has("schema")) {
            return;
          }
          String schemaPointer = pointer + "/schema";
          if (node.has("example")) {
            samples.add(new Sample(document, schemaPointer, "example", node.get("example")));
          }
          for (Map.Entry<String, JsonNode> example : node.path("examples").properties()) {
            JsonNode resolved = SpecDocuments.deref(root, example.getValue());
            samples.add(
                new Sample(document, schemaPointer, example.getKey(), resolved.get("value")));
          }
        });
    return samples;
  }

  private static boolean hasExamples(JsonNode mediaType) {
    return mediaType.has("example") || !mediaType.path("examples").isEmpty();
  }

  private interface Visitor {
    void visit(String pointer, JsonNode node);
  }

  private static void walk(JsonNode node, String pointer, Visitor visitor) {
    if (!node.isObject()) {
      return;
    }
    visitor.visit(pointer, node);
    for (Map.Entry<String, JsonNode> child : node.properties()) {
      if (!child.getKey().equals("examples") && !child.getKey().equals("example")) {
        walk(child.getValue(), pointer + "/" + SpecDocuments.escape(child.getKey()), visitor);
      }
    }
  }
}
