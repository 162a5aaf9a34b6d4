package app.stride.gcp.functions;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.http.ApiResponse;
import app.stride.core.problem.Problem;
import app.stride.core.problem.ProblemType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpResponsesTest {

  @Test
  void write_setsStatusContentTypeHeadersAndBody() throws Exception {
    FakeHttpResponse response = new FakeHttpResponse();

    HttpResponses.write(
        ApiResponse.json(200, Map.of("a", 1)).withHeader("ETag", "\"3\""), response);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.getContentType()).contains("application/json");
    assertThat(response.getHeaders()).containsEntry("ETag", List.of("\"3\""));
    assertThat(response.bodyText()).isEqualTo("{\"a\":1}");
  }

  @Test
  void write_problemCarriesItsExtraHeaders() throws Exception {
    FakeHttpResponse response = new FakeHttpResponse();

    HttpResponses.write(
        ApiResponse.problem(
            Problem.of(ProblemType.STORE_UNAVAILABLE, "down"), Map.of("Retry-After", "2")),
        response);

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.getContentType()).contains(Problem.MEDIA_TYPE);
    assertThat(response.getHeaders()).containsEntry("Retry-After", List.of("2"));
    assertThat(response.bodyText()).contains("store-unavailable");
  }

  @Test
  void write_emptyResponseWritesNoBody() throws Exception {
    FakeHttpResponse response = new FakeHttpResponse();

    HttpResponses.write(ApiResponse.empty(204), response);

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.bodyText()).isEmpty();
  }
}
