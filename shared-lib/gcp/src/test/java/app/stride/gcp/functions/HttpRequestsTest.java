package app.stride.gcp.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.http.ApiRequest;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HttpRequestsTest {

  @Test
  void toApiRequest_carriesMethodPathFirstQueryValuesHeadersAndBody() throws Exception {
    FakeHttpRequest request =
        new FakeHttpRequest("put", "/v1/me/profile")
            .query("limit", "10", "20")
            .query("cursor", "abc")
            .header("content-type", "application/json")
            .header("Accept", "application/json", "application/problem+json")
            .body("{\"displayName\":\"Ana\"}");

    ApiRequest api = HttpRequests.toApiRequest(request, 1024);

    assertThat(api.method()).isEqualTo("PUT");
    assertThat(api.path()).isEqualTo("/v1/me/profile");
    assertThat(api.query()).containsEntry("limit", "10").containsEntry("cursor", "abc");
    assertThat(api.header("Content-Type")).contains("application/json");
    assertThat(api.header("accept")).contains("application/json, application/problem+json");
    assertThat(api.bodyText()).isEqualTo("{\"displayName\":\"Ana\"}");
  }

  @Test
  void toApiRequest_acceptsABodyOfExactlyTheLimit() throws Exception {
    byte[] body = new byte[64];
    Arrays.fill(body, (byte) 'x');

    ApiRequest api = HttpRequests.toApiRequest(new FakeHttpRequest("POST", "/x").body(body), 64);

    assertThat(api.body()).hasSize(64);
  }

  @Test
  void toApiRequest_refusesABodyOneByteOverTheLimit_evenWithoutContentLength() {
    byte[] body = new byte[65];

    assertThatThrownBy(
            () -> HttpRequests.toApiRequest(new FakeHttpRequest("POST", "/x").body(body), 64))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.problem().status()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE.status()));
  }

  @Test
  void toApiRequest_refusesADeclaredContentLengthOverTheLimit_beforeReading() {
    FakeHttpRequest request =
        new FakeHttpRequest("POST", "/x")
            .body("small".getBytes(StandardCharsets.UTF_8))
            .declaredLength(10_000);

    assertThatThrownBy(() -> HttpRequests.toApiRequest(request, 64))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("payload-too-large");
  }

  @Test
  void sourceIp_withoutALoadBalancerConfigured_isTheLastHop_neverTheClientsOwnEntry()
      throws Exception {
    FakeHttpRequest local =
        new FakeHttpRequest("GET", "/x").header("X-Forwarded-For", " 203.0.113.7 ");
    FakeHttpRequest forged =
        new FakeHttpRequest("GET", "/x").header("X-Forwarded-For", "198.51.100.66, 203.0.113.7");

    assertThat(HttpRequests.toApiRequest(local, 10).sourceIp()).isEqualTo("203.0.113.7");
    assertThat(HttpRequests.toApiRequest(forged, 10).sourceIp()).isEqualTo("203.0.113.7");
  }

  @Test
  void sourceIp_isUnknownWithoutXForwardedFor() throws Exception {
    assertThat(HttpRequests.toApiRequest(new FakeHttpRequest("GET", "/x"), 10).sourceIp())
        .isEqualTo(HttpRequests.UNKNOWN_SOURCE);
  }

  @Test
  void requestId_isTheTraceIdOfXCloudTraceContext() throws Exception {
    FakeHttpRequest request =
        new FakeHttpRequest("GET", "/x")
            .header("X-Cloud-Trace-Context", "105445AA7843BC8BF206B12000100000/1;o=1");

    assertThat(HttpRequests.toApiRequest(request, 10).requestId())
        .isEqualTo("105445aa7843bc8bf206b12000100000");
  }

  @Test
  void requestId_isGenerated_whenTheTraceHeaderIsAbsentOrMalformed() throws Exception {
    FakeHttpRequest malformed =
        new FakeHttpRequest("GET", "/x").header("X-Cloud-Trace-Context", "evil\nlog-line/1");

    String generated = HttpRequests.toApiRequest(malformed, 10).requestId();
    String other = HttpRequests.toApiRequest(new FakeHttpRequest("GET", "/x"), 10).requestId();

    assertThat(generated).matches("[0-9a-f-]{36}");
    assertThat(other).matches("[0-9a-f-]{36}").isNotEqualTo(generated);
  }
}
