package app.stride.auth.aws.adapter.out.ses;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.auth.mail.MailMessage;
import app.stride.auth.mail.MailTemplates;
import app.stride.auth.mail.MailUnavailableException;
import app.stride.testkit.server.Loopback;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Speaks SES v2's documented REST API ({@code POST /v2/email/outbound-emails}) to WireMock. */
class SesMailSenderIT {
  private static final String SEND_EMAIL = "/v2/email/outbound-emails";
  private static final String FROM = "Stride <no-reply@stride.test>";
  private static final String CONFIGURATION_SET = "stride-auth-eu";
  private static final String TOKEN = "tK3n-_Zx9";
  private static final String SIGV4 =
      "AWS4-HMAC-SHA256 Credential=local/\\d{8}/eu-central-1/ses/aws4_request,"
          + " SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{64}";

  private static WireMockServer ses;

  private final MailMessage mail =
      new MailTemplates(URI.create("https://app.stride.test"))
          .verifyEmail("runner@example.org", Locale.GERMAN, TOKEN);

  @BeforeAll
  static void startSes() {
    ses = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    ses.start();
  }

  @AfterAll
  static void stopSes() {
    ses.stop();
  }

  @BeforeEach
  void resetStubs() {
    ses.resetAll();
  }

  @Test
  void send_postsSimpleContentWithSenderConfigurationSetAndSigV4() {
    ses.stubFor(post(urlEqualTo(SEND_EMAIL)).willReturn(okJson("{\"MessageId\":\"0100-abc\"}")));

    try (SesV2Client client = SesClients.client(settings(1))) {
      new SesMailSender(client, settings(1)).send(mail);
    }

    ses.verify(
        1,
        postRequestedFor(urlEqualTo(SEND_EMAIL))
            .withHeader("Authorization", matching(SIGV4))
            .withHeader("X-Amz-Date", matching("\\d{8}T\\d{6}Z"))
            .withHeader("Content-Type", containing("json"))
            .withRequestBody(matchingJsonPath("$.FromEmailAddress", equalTo(FROM)))
            .withRequestBody(matchingJsonPath("$.ConfigurationSetName", equalTo(CONFIGURATION_SET)))
            .withRequestBody(
                matchingJsonPath("$.Destination.ToAddresses[0]", equalTo("runner@example.org")))
            .withRequestBody(
                matchingJsonPath("$.Content.Simple.Subject.Data", equalTo(mail.subject())))
            .withRequestBody(matchingJsonPath("$.Content.Simple.Subject.Charset", equalTo("UTF-8")))
            .withRequestBody(
                matchingJsonPath("$.Content.Simple.Body.Text.Data", equalTo(mail.text())))
            .withRequestBody(
                matchingJsonPath("$.Content.Simple.Body.Html.Data", equalTo(mail.html())))
            .withRequestBody(
                matchingJsonPath("$.Content.Simple.Body.Html.Charset", equalTo("UTF-8"))));
    assertThat(mail.text()).contains("https://app.stride.test/verify-email?token=" + TOKEN);
  }

  @Test
  void send_throttled429_isRetryableMailUnavailable() {
    ses.stubFor(
        post(urlEqualTo(SEND_EMAIL))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-amzn-ErrorType", "TooManyRequestsException")
                    .withHeader("x-amzn-RequestId", "req-429")
                    .withBody("{\"message\":\"Too many requests for runner@example.org\"}")));

    try (SesV2Client client = SesClients.client(settings(1))) {
      SesMailSender sender = new SesMailSender(client, settings(1));

      assertThatThrownBy(() -> sender.send(mail))
          .isInstanceOfSatisfying(
              MailUnavailableException.class, e -> assertThat(e.retryable()).isTrue())
          .hasMessageContaining("429")
          .hasMessageContaining("TooManyRequestsException")
          .hasMessageNotContaining("runner")
          .hasMessageNotContaining("local")
          .hasNoCause();
    }
  }

  @Test
  void send_serverError500_isRetriedThenMailUnavailable() {
    ses.stubFor(
        post(urlEqualTo(SEND_EMAIL))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-amzn-ErrorType", "InternalServiceErrorException")
                    .withBody("{\"message\":\"internal failure\"}")));

    try (SesV2Client client = SesClients.client(settings(2))) {
      SesMailSender sender = new SesMailSender(client, settings(2));

      assertThatThrownBy(() -> sender.send(mail))
          .isInstanceOfSatisfying(
              MailUnavailableException.class, e -> assertThat(e.retryable()).isTrue())
          .hasMessageContaining("500");
    }
    ses.verify(2, postRequestedFor(urlEqualTo(SEND_EMAIL)));
  }

  @Test
  void send_messageRejected_isPermanentMailUnavailable() {
    ses.stubFor(
        post(urlEqualTo(SEND_EMAIL))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-amzn-ErrorType", "MessageRejected")
                    .withBody(
                        "{\"message\":\"Email address is not verified: runner@example.org\"}")));

    try (SesV2Client client = SesClients.client(settings(3))) {
      SesMailSender sender = new SesMailSender(client, settings(3));

      assertThatThrownBy(() -> sender.send(mail))
          .isInstanceOfSatisfying(
              MailUnavailableException.class, e -> assertThat(e.retryable()).isFalse())
          .hasMessageContaining("MessageRejected")
          .hasMessageNotContaining("runner");
    }
    ses.verify(1, postRequestedFor(urlEqualTo(SEND_EMAIL)));
  }

  @Test
  void send_whenSesIsUnreachable_isRetryableMailUnavailable() {
    int closedPort = Loopback.freePort();
    try (SesV2Client client = SesClients.client(settings(1, closedPort))) {
      SesMailSender sender = new SesMailSender(client, settings(1, closedPort));

      assertThatThrownBy(() -> sender.send(mail))
          .isInstanceOfSatisfying(
              MailUnavailableException.class, e -> assertThat(e.retryable()).isTrue())
          .hasMessageStartingWith("SES unreachable");
    }
  }

  private static SesMailSettings settings(int maxAttempts) {
    return settings(maxAttempts, ses.port());
  }

  private static SesMailSettings settings(int maxAttempts, int port) {
    return new SesMailSettings(
        Region.EU_CENTRAL_1,
        FROM,
        CONFIGURATION_SET,
        Optional.of(URI.create("http://127.0.0.1:" + port)),
        Duration.ofSeconds(5),
        maxAttempts);
  }
}
