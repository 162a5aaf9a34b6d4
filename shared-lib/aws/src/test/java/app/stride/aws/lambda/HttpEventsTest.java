package app.stride.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpEventsTest {
  private final APIGatewayV2HTTPEvent event =
      Fixtures.event("apigw-v2-request.json", APIGatewayV2HTTPEvent.class);

  @Test
  void toApiRequest_takesMethodPathRequestIdAndSourceIpFromTheEvent() {
    ApiRequest request = HttpEvents.toApiRequest(event);

    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v1/echo/items");
    assertThat(request.requestId()).isEqualTo("Jx3kRgBvFiAEMzQ=");
    assertThat(request.sourceIp()).isEqualTo("203.0.113.9");
  }

  @Test
  void toApiRequest_decodesBase64Body() {
    ApiRequest request = HttpEvents.toApiRequest(event);

    assertThat(request.bodyText()).isEqualTo("{\"name\":\"Long run\",\"distanceM\":21097.5}");
    assertThat(request.mediaType()).isEqualTo("application/json");
  }

  @Test
  void toApiRequest_foldsHeadersCaseInsensitivelyAndCookiesBackIntoOneHeader() {
    ApiRequest request = HttpEvents.toApiRequest(event);

    assertThat(request.header("Content-Type")).contains("application/json; charset=utf-8");
    assertThat(request.header("X-TRACE")).contains("one, two");
    assertThat(request.header("Cookie")).contains("session=abc123; theme=dark");
  }

  @Test
  void toApiRequest_keepsTheFirstValueOfARepeatedQueryParameter_decoded() {
    ApiRequest request = HttpEvents.toApiRequest(event);

    assertThat(request.query()).containsEntry("limit", "20").containsEntry("tag", "a b");
    assertThat(request.query()).containsEntry("flag", "");
  }

  @Test
  void headers_joinsNamesThatDifferOnlyInCase() {
    Map<String, String> folded =
        HttpEvents.headers(
            new java.util.LinkedHashMap<>(Map.of("Accept", "a/b", "accept", "c/d")), null);

    assertThat(folded.get("ACCEPT")).contains("a/b").contains("c/d").contains(", ");
  }

  @Test
  void toResponse_sendsJsonAsTextAndSetCookieAsCookies() {
    ApiResponse response =
        ApiResponse.json(201, Map.of("ok", true))
            .withHeader("ETag", "\"3\"")
            .withHeader("Set-Cookie", "a=b; Secure");

    APIGatewayV2HTTPResponse out = HttpEvents.toResponse(response);

    assertThat(out.getStatusCode()).isEqualTo(201);
    assertThat(out.getIsBase64Encoded()).isFalse();
    assertThat(out.getBody()).isEqualTo("{\"ok\":true}");
    assertThat(out.getHeaders())
        .containsEntry("ETag", "\"3\"")
        .containsEntry("Content-Type", "application/json")
        .doesNotContainKey("Set-Cookie");
    assertThat(out.getCookies()).containsExactly("a=b; Secure");
  }

  @Test
  void toResponse_sendsBinaryBodiesAsBase64() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
    ApiResponse response = new ApiResponse(200, Map.of("Content-Type", "image/png"), png);

    APIGatewayV2HTTPResponse out = HttpEvents.toResponse(response);

    assertThat(out.getIsBase64Encoded()).isTrue();
    assertThat(Base64.getDecoder().decode(out.getBody())).isEqualTo(png);
  }

  @Test
  void toResponse_sendsInvalidUtf8AsBase64EvenWhenLabelledText() {
    byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
    ApiResponse response = new ApiResponse(200, Map.of("Content-Type", "text/plain"), latin1);

    APIGatewayV2HTTPResponse out = HttpEvents.toResponse(response);

    assertThat(out.getIsBase64Encoded()).isTrue();
    assertThat(Base64.getDecoder().decode(out.getBody())).isEqualTo(latin1);
  }

  @Test
  void toResponse_emptyBodyIsEmptyText() {
    APIGatewayV2HTTPResponse out = HttpEvents.toResponse(ApiResponse.empty(204));

    assertThat(out.getStatusCode()).isEqualTo(204);
    assertThat(out.getBody()).isEmpty();
    assertThat(out.getIsBase64Encoded()).isFalse();
  }
}
