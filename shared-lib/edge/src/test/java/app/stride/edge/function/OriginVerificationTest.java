package app.stride.edge.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.config.Env;
import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.problem.ProblemType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The attacks: a caller finds the HTTP API's own endpoint and calls it directly, around CloudFront
 * and the WAF's rules (only CloudFront knows the secret header), or forges the viewer-address
 * header to pick the per-IP bucket it is charged to.
 */
class OriginVerificationTest {
  private static final String SECRET = "9f2c4e7a-origin-secret-b1d3";

  /** API Gateway's source address for a request through CloudFront: an edge location's. */
  private static final String CLOUDFRONT_EDGE = "130.176.12.34";

  private final AtomicInteger reached = new AtomicInteger();
  private final Function<ApiRequest, ApiResponse> function =
      new OriginVerification(SECRET)
          .around(
              request -> {
                reached.incrementAndGet();
                return ApiResponse.empty(204);
              });

  @Test
  void directCall_withoutTheHeader_is403_andNothingRuns() {
    ApiResponse response = function.apply(get(Map.of()));

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(response.bodyText())
        .contains(ProblemType.FORBIDDEN.uri().toString())
        .contains("\"instance\":\"/v1/me/profile\"")
        .doesNotContain(SECRET);
    assertThat(reached).hasValue(0);
  }

  @Test
  void guessedHeader_is403_whateverItsLength() {
    String sameLength = SECRET.substring(0, SECRET.length() - 1) + "x";

    assertThat(function.apply(get(Map.of(OriginVerification.HEADER, sameLength))).status())
        .isEqualTo(403);
    assertThat(function.apply(get(Map.of(OriginVerification.HEADER, SECRET + "x"))).status())
        .isEqualTo(403);
    assertThat(function.apply(get(Map.of(OriginVerification.HEADER, ""))).status()).isEqualTo(403);
    assertThat(reached).hasValue(0);
  }

  @Test
  void callThroughTheCdn_withTheSecret_reachesTheFunction_headerNameAnyCase() {
    ApiResponse exact = function.apply(get(Map.of(OriginVerification.HEADER, SECRET)));
    ApiResponse lowerCase = function.apply(get(Map.of("x-stride-origin-verify", SECRET)));

    assertThat(exact.status()).isEqualTo(204);
    assertThat(lowerCase.status()).isEqualTo(204);
    assertThat(reached).hasValue(2);
  }

  @Test
  void forgedViewerAddress_onADirectCall_is403_beforeTheHeaderIsRead() {
    List<String> sources = new ArrayList<>();
    Function<ApiRequest, ApiResponse> recording = recordingSources(sources);

    ApiResponse forged =
        recording.apply(get(Map.of(ViewerAddress.HEADER, "198.51.100.77"), CLOUDFRONT_EDGE));

    assertThat(forged.status()).isEqualTo(403);
    assertThat(sources).isEmpty();
  }

  @Test
  void verifiedRequest_goesOnWithTheViewersAddressAsItsSource_ipv4AndIpv6() {
    List<String> sources = new ArrayList<>();
    Function<ApiRequest, ApiResponse> recording = recordingSources(sources);

    recording.apply(
        get(
            Map.of(OriginVerification.HEADER, SECRET, ViewerAddress.HEADER, "203.0.113.9:51234"),
            CLOUDFRONT_EDGE));
    recording.apply(
        get(
            Map.of(OriginVerification.HEADER, SECRET, ViewerAddress.HEADER, "[2001:db8::9]:443"),
            CLOUDFRONT_EDGE));

    assertThat(sources).containsExactly("203.0.113.9", "2001:db8:0:0:0:0:0:9");
  }

  @Test
  void verifiedRequest_withoutOrWithAMalformedViewerAddress_keepsThePlatformsSource() {
    List<String> sources = new ArrayList<>();
    Function<ApiRequest, ApiResponse> recording = recordingSources(sources);

    recording.apply(get(Map.of(OriginVerification.HEADER, SECRET), CLOUDFRONT_EDGE));
    for (String malformed :
        List.of("203.0.113.9, 198.51.100.1", "evil.example.com", "203.0.113.9:99999", "")) {
      recording.apply(
          get(
              Map.of(OriginVerification.HEADER, SECRET, ViewerAddress.HEADER, malformed),
              CLOUDFRONT_EDGE));
    }

    assertThat(sources).hasSize(5).containsOnly(CLOUDFRONT_EDGE);
  }

  @Test
  void fromEnv_checksOnlyWhereTheSecretIsSet() {
    assertThat(OriginVerification.fromEnv(new Env(Map.of()))).isEmpty();
    assertThat(OriginVerification.fromEnv(new Env(Map.of(OriginVerification.SECRET_ENV, " "))))
        .isEmpty();
    assertThat(OriginVerification.fromEnv(new Env(Map.of(OriginVerification.SECRET_ENV, SECRET))))
        .hasValueSatisfying(
            origin -> {
              assertThat(origin.verifies(get(Map.of(OriginVerification.HEADER, SECRET)))).isTrue();
              assertThat(origin.verifies(get(Map.of()))).isFalse();
            });
    assertThatThrownBy(() -> new OriginVerification(""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Function<ApiRequest, ApiResponse> recordingSources(List<String> sources) {
    return new OriginVerification(SECRET)
        .around(
            request -> {
              sources.add(request.sourceIp());
              return ApiResponse.empty(204);
            });
  }

  private static ApiRequest get(Map<String, String> headers) {
    return get(headers, "203.0.113.7");
  }

  private static ApiRequest get(Map<String, String> headers, String sourceIp) {
    return EdgeFixtures.request("GET", "/v1/me/profile", headers, null, sourceIp);
  }
}
