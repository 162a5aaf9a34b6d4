package app.stride.social.aws.adapter.out.apigateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.social.application.port.out.ConnectionPush;
import app.stride.social.domain.ConnectionId;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/**
 * The management API push against a WireMock stub speaking API Gateway's documented protocol:
 * {@code POST /{stage}/@connections/{connectionId}} with the frame as the body, signed; {@code 200}
 * when sent, {@code 410} with {@code GoneException} when the client has left.
 */
class ManagementApiPushIT {
  private static WireMockServer stub;
  private static ManagementApiPush push;

  @BeforeAll
  static void start() {
    stub = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    stub.start();
    push =
        new ManagementApiPush(
            ManagementApiPush.client(
                URI.create("http://127.0.0.1:" + stub.port() + "/live"), Region.EU_CENTRAL_1));
  }

  @AfterAll
  static void stop() {
    stub.stop();
  }

  @BeforeEach
  void reset() {
    stub.resetAll();
  }

  @Test
  void push_postsTheFrame_signed_toTheConnectionsPath() {
    stub.stubFor(
        post(urlPathEqualTo("/live/@connections/connAna1"))
            .willReturn(aResponse().withStatus(200)));

    ConnectionPush.Result result = push.push(new ConnectionId("connAna1"), "{\"type\":\"pong\"}");

    assertThat(result).isEqualTo(ConnectionPush.Result.DELIVERED);
    stub.verify(
        postRequestedFor(urlPathEqualTo("/live/@connections/connAna1"))
            .withRequestBody(equalTo("{\"type\":\"pong\"}"))
            .withHeader("Authorization", matching("AWS4-HMAC-SHA256 .*execute-api.*")));
  }

  @Test
  void push_toALeftClient_answersGone() {
    stub.stubFor(
        post(urlPathEqualTo("/live/@connections/connGone"))
            .willReturn(
                aResponse()
                    .withStatus(410)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-amzn-ErrorType", "GoneException")
                    .withBody("{\"message\":null}")));

    assertThat(push.push(new ConnectionId("connGone"), "{}")).isEqualTo(ConnectionPush.Result.GONE);
  }

  @Test
  void push_refusedOtherwise_throws_soTheConnectionIsKept() {
    stub.stubFor(
        post(urlPathEqualTo("/live/@connections/connBusy"))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("x-amzn-ErrorType", "LimitExceededException")
                    .withBody("{\"message\":\"Rate exceeded\"}")));

    assertThatThrownBy(() -> push.push(new ConnectionId("connBusy"), "{}"))
        .isInstanceOf(RuntimeException.class);
  }
}
