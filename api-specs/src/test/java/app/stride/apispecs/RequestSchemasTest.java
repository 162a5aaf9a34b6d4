package app.stride.apispecs;

import static app.stride.apispecs.SpecSchemas.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.apispecs.SchemaWalk.Visited;
import app.stride.apispecs.SpecDocuments.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every request body schema, walked to its leaves: objects refuse unknown members and every string
 * is bounded, so no request can smuggle fields or make a function handle an unbounded string.
 */
class RequestSchemasTest {

  /** Formats whose values are short by construction. */
  private static final Set<String> BOUNDED_FORMATS = Set.of("date", "date-time");

  /** One request body schema of an operation. */
  record Body(Operation operation, String mediaType, JsonNode schema) {
    @Override
    public String toString() {
      return operation + " " + mediaType;
    }
  }

  static Stream<Body> requestBodies() {
    return Stream.of(SpecDocuments.MOBILE_API, SpecDocuments.LOCAL_DEV)
        .flatMap(document -> SpecDocuments.operations(document).stream())
        .flatMap(
            op ->
                op.node().path("requestBody").path("content").properties().stream()
                    .map(media -> new Body(op, media.getKey(), media.getValue().get("schema"))));
  }

  @Test
  void requestBodies_includeEveryAuthBody() {
    List<String> bodies = requestBodies().map(Body::toString).toList();

    assertThat(bodies)
        .hasSizeGreaterThanOrEqualTo(17)
        .contains(
            "mobile-api.yaml POST /v1/auth/register application/json",
            "mobile-api.yaml POST /v1/me/mfa/totp/disable application/json",
            "mobile-api.yaml PATCH /v1/me/profile application/merge-patch+json",
            "local-dev.yaml POST /dev/tokens application/json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requestBodies")
  void requestSchema_refusesUnknownMembersAtEveryLevel(Body body) {
    assertThat(openObjects(walk(body))).as(body.toString()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requestBodies")
  void requestSchema_boundsEveryString(Body body) {
    assertThat(unboundedStrings(walk(body))).as(body.toString()).isEmpty();
  }

  @Test
  void walk_findsAnUnboundedStringAndAnOpenObjectBehindReferences() {
    JsonNode root =
        json(
            "{\"components\":{\"schemas\":{"
                + "\"Outer\":{\"type\":\"object\",\"additionalProperties\":false,"
                + "\"properties\":{\"inner\":{\"$ref\":\"#/components/schemas/Inner\"}}},"
                + "\"Inner\":{\"type\":\"object\",\"properties\":{"
                + "\"free\":{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]},"
                + "\"day\":{\"type\":\"string\",\"format\":\"date\"},"
                + "\"kind\":{\"type\":\"string\",\"enum\":[\"a\"]}}}}}}");

    List<Visited> visited =
        SchemaWalk.from(root, json("{\"$ref\":\"#/components/schemas/Outer\"}"), "body");

    assertThat(unboundedStrings(visited))
        .containsExactly("#/components/schemas/Inner/properties/free/anyOf/0");
    assertThat(openObjects(visited)).containsExactly("#/components/schemas/Inner");
  }

  private static List<Visited> walk(Body body) {
    JsonNode root = SpecDocuments.load(body.operation().document());
    return SchemaWalk.from(root, body.schema(), body.toString());
  }

  private static List<String> unboundedStrings(List<Visited> visited) {
    List<String> unbounded = new ArrayList<>();
    for (Visited v : visited) {
      JsonNode schema = v.schema();
      boolean bounded =
          schema.has("maxLength")
              || schema.has("enum")
              || schema.has("const")
              || BOUNDED_FORMATS.contains(schema.path("format").asString(""));
      if (SchemaWalk.admitsStrings(schema) && !bounded) {
        unbounded.add(v.location());
      }
    }
    return unbounded;
  }

  private static List<String> openObjects(List<Visited> visited) {
    List<String> open = new ArrayList<>();
    for (Visited v : visited) {
      JsonNode closed = v.schema().path("additionalProperties");
      if (SchemaWalk.describesObject(v.schema()) && !(closed.isBoolean() && !closed.asBoolean())) {
        open.add(v.location());
      }
    }
    return open;
  }
}
