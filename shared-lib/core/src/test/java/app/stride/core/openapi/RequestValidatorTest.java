package app.stride.core.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.http.ApiRequest;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestValidatorTest {
  private final RequestValidator validator = new RequestValidator(spec());

  static OpenApiSpec spec() {
    InputStream in = RequestValidatorTest.class.getResourceAsStream("/openapi/test-api.yaml");
    return OpenApiSpec.read("test-api", in);
  }

  @Test
  void validate_acceptsSchemaValidBody_andMatchesTemplate() {
    ValidatedRequest valid = validator.validate(put("/v1/things/42", "{\"name\":\"shoe\"}"));

    assertThat(valid.operation().operationId()).isEqualTo("putThing");
    assertThat(valid.operation().secured()).isTrue();
    assertThat(valid.body().path("name").asString()).isEqualTo("shoe");
  }

  @Test
  void route_matchesTemplatesBySegment_aTrailingSlashAllowed_noParameterSpanningSegments() {
    assertThat(validator.route("GET", "/v1/things/42").operationId()).isEqualTo("getThing");
    assertThat(validator.route("GET", "/v1/things/42/").operationId()).isEqualTo("getThing");
    assertProblem(() -> validator.route("GET", "/v1/things/42/more"), ProblemType.NOT_FOUND);
    assertProblem(() -> validator.route("GET", "/v1/things"), ProblemType.NOT_FOUND);
    assertThat(OpenApiSpec.segments("/")).isEqualTo(OpenApiSpec.segments("/health")).isEqualTo(1);
    assertThat(OpenApiSpec.segments("/v1/things/42/")).isEqualTo(3);
  }

  @Test
  void route_unknownPath_isNotFound() {
    assertProblem(() -> validator.route("GET", "/v1/nothing"), ProblemType.NOT_FOUND);
  }

  @Test
  void route_wrongMethod_isMethodNotAllowed_withAllowHeader() {
    assertThatThrownBy(() -> validator.route("DELETE", "/v1/things/1"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(405);
              assertThat(e.headers()).containsEntry("Allow", "GET, PUT");
            });
  }

  @Test
  void validate_oversizedBody_isPayloadTooLarge() {
    String big = "{\"name\":\"" + "x".repeat(300) + "\"}";

    assertProblem(
        () -> validator.validate(put("/v1/things/1", big)), ProblemType.PAYLOAD_TOO_LARGE);
  }

  @Test
  void validate_wrongContentType_isUnsupportedMediaType() {
    ApiRequest request =
        new ApiRequest(
            "PUT",
            "/v1/things/1",
            Map.of(),
            Map.of("content-type", "text/plain"),
            "name=x".getBytes(StandardCharsets.UTF_8),
            "127.0.0.1",
            "r1");

    assertProblem(() -> validator.validate(request), ProblemType.UNSUPPORTED_MEDIA_TYPE);
  }

  @Test
  void validate_fileMediaType_passesTheRawBytes_withoutJsonParsing() {
    byte[] fit = {0x0e, 0x10, (byte) 0xd9, 0x07, 0, 0, 0, 0, '.', 'F', 'I', 'T'};

    ValidatedRequest valid = validator.validate(post("/v1/files", "application/fit", fit));

    assertThat(valid.operation().operationId()).isEqualTo("postFile");
    assertThat(valid.body()).isNull();
  }

  @Test
  void validate_fileRoute_stillChecksTypeSizeAndJsonAlternatives() {
    byte[] json = "{\"name\": 3}".getBytes(StandardCharsets.UTF_8);

    assertProblem(
        () -> validator.validate(post("/v1/files", "application/zip", new byte[] {1})),
        ProblemType.UNSUPPORTED_MEDIA_TYPE);
    assertProblem(
        () -> validator.validate(post("/v1/files", "application/fit", new byte[65])),
        ProblemType.PAYLOAD_TOO_LARGE);
    assertProblem(
        () -> validator.validate(post("/v1/files", "application/json", json)),
        ProblemType.VALIDATION_FAILED);
  }

  @Test
  void validate_malformedJson_isMalformedJson() {
    assertProblem(
        () -> validator.validate(put("/v1/things/1", "{\"name\": ")), ProblemType.MALFORMED_JSON);
    assertProblem(
        () -> validator.validate(put("/v1/things/1", "{\"name\":\"a\"} trailing")),
        ProblemType.MALFORMED_JSON);
  }

  @Test
  void validate_schemaViolations_areListedWithJsonPointers() {
    ApiRequest request =
        put("/v1/things/1", "{\"name\":\"\",\"kind\":\"huge\",\"extra\":1,\"day\":\"2026-13-40\"}");

    assertThatThrownBy(() -> validator.validate(request))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.problem().type()).isEqualTo(ProblemType.VALIDATION_FAILED.uri());
              assertThat(e.problem().errors())
                  .extracting(err -> err.pointer())
                  .contains("/name", "/kind", "/day");
              assertThat(e.problem().errors()).hasSizeGreaterThanOrEqualTo(4);
            });
  }

  @Test
  void validate_missingRequiredBody_isValidationFailed() {
    assertProblem(() -> validator.validate(put("/v1/things/1", "")), ProblemType.VALIDATION_FAILED);
  }

  @Test
  void validate_wrongTypes_areValidationFailed() {
    assertProblem(
        () -> validator.validate(put("/v1/things/1", "{\"name\":7}")),
        ProblemType.VALIDATION_FAILED);
    assertProblem(
        () -> validator.validate(put("/v1/things/1", "[\"name\"]")), ProblemType.VALIDATION_FAILED);
  }

  @Test
  void spec_marksExplicitlyUnsecuredOperations() {
    assertThat(validator.route("GET", "/health").secured()).isFalse();
    assertThat(validator.route("GET", "/v1/things/1").function()).isEqualTo("things");
  }

  private static ApiRequest post(String path, String contentType, byte[] body) {
    return new ApiRequest(
        "POST", path, Map.of(), Map.of("Content-Type", contentType), body, "127.0.0.1", "r1");
  }

  private static ApiRequest put(String path, String json) {
    return new ApiRequest(
        "PUT",
        path,
        Map.of(),
        Map.of("Content-Type", "application/json; charset=utf-8"),
        json.getBytes(StandardCharsets.UTF_8),
        "127.0.0.1",
        "r1");
  }

  private static void assertProblem(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ProblemType type) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().type()).isEqualTo(type.uri()));
  }
}
