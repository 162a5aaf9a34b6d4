package app.stride.core.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.http.ApiResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseValidatorTest {
  private final RequestValidator validator = new RequestValidator(RequestValidatorTest.spec());
  private final ResponseValidator contract = new ResponseValidator(validator);
  private final Operation getThing = validator.route("GET", "/v1/things/1");

  @Test
  void violations_flagUndeclaredStatus() {
    assertThat(contract.violations(getThing, ApiResponse.empty(418)))
        .singleElement()
        .asString()
        .contains("418");
  }

  @Test
  void violations_flagBodyAgainstDeclaredSchema() {
    Operation put = validator.route("PUT", "/v1/things/1");

    assertThat(contract.violations(put, ApiResponse.json(200, Map.of("x", 1))))
        .anySatisfy(v -> assertThat(v).contains("name"));
    assertThat(contract.violations(put, ApiResponse.json(200, Map.of("name", "ok")))).isEmpty();
  }

  @Test
  void violations_emptyForDeclaredStatusWithoutContent() {
    assertThat(contract.violations(getThing, ApiResponse.empty(200))).isEmpty();
  }
}
