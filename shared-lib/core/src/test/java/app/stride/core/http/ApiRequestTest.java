package app.stride.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRequestTest {

  @Test
  void headers_matchNamesInAnyCase_andCannotBeChanged() {
    Map<String, String> given = new HashMap<>(Map.of("Content-Type", "application/json"));
    ApiRequest request = request(given);
    given.put("Authorization", "Bearer later");

    assertThat(request.header("content-type")).hasValue("application/json");
    assertThat(request.header("CONTENT-TYPE")).hasValue("application/json");
    assertThat(request.header("Authorization")).as("a copy, not a view").isEmpty();
    assertThat(request.headers()).containsOnlyKeys("Content-Type");
    assertThatThrownBy(() -> request.headers().put("X", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> request.headers().entrySet().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void withSourceIp_changesOnlyTheAddress_andKeepsTheFoldedHeaders() {
    ApiRequest request =
        request(Map.of("X-Stride-Viewer-Address", "203.0.113.7", "traceparent", "00-ab"));

    ApiRequest moved = request.withSourceIp("203.0.113.7");

    assertThat(moved.sourceIp()).isEqualTo("203.0.113.7");
    assertThat(moved.headers()).isSameAs(request.headers());
    assertThat(moved.header("x-stride-viewer-address")).hasValue("203.0.113.7");
    assertThat(moved.header("TRACEPARENT")).hasValue("00-ab");
    assertThat(moved).usingRecursiveComparison().ignoringFields("sourceIp").isEqualTo(request);
    assertThat(request.sourceIp()).isEqualTo("10.0.0.1");
  }

  @Test
  void headersOfEqualContent_areEqual_whateverMapTheyCameIn() {
    ApiRequest folded = request(Map.of("Host", "api.stride.app"));
    Map<String, String> plain = new HashMap<>(Map.of("Host", "api.stride.app"));

    assertThat(folded.headers()).isEqualTo(plain).hasSameHashCodeAs(plain);
    assertThat(request(null).headers()).isEmpty();
  }

  private static ApiRequest request(Map<String, String> headers) {
    return new ApiRequest("get", "/v1/me/profile", Map.of(), headers, null, "10.0.0.1", "req-1");
  }
}
