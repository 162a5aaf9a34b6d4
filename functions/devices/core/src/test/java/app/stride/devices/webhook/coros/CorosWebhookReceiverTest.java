package app.stride.devices.webhook.coros;

import static app.stride.devices.webhook.WebhookFixtures.NOW;
import static app.stride.devices.webhook.WebhookFixtures.body;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.devices.domain.Provider;
import app.stride.devices.webhook.IdempotencyKeys;
import app.stride.devices.webhook.InMemorySeenSignatures;
import app.stride.devices.webhook.NotificationKind;
import app.stride.devices.webhook.SecretKind;
import app.stride.devices.webhook.WebhookFixtures;
import app.stride.devices.webhook.WebhookNotification;
import app.stride.devices.webhook.WebhookOutcome;
import app.stride.devices.webhook.WebhookOutcome.Accepted;
import app.stride.devices.webhook.WebhookOutcome.Refused;
import app.stride.devices.webhook.WebhookOutcome.Replayed;
import app.stride.devices.webhook.WebhookPolicy;
import app.stride.devices.webhook.WebhookProblem;
import app.stride.devices.webhook.WebhookRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorosWebhookReceiverTest {
  private static final String CLIENT_ID = "ee69bfd79b1e489cbe12ac7cb197e8ae";
  private static final String SHARED = "coros-push-shared-secret";

  private final CorosWebhookReceiver receiver =
      new CorosWebhookReceiver(
          WebhookFixtures.secrets(Provider.COROS)
              .with(SecretKind.CLIENT_ID, CLIENT_ID)
              .with(SecretKind.WEBHOOK_TOKEN, SHARED),
          WebhookPolicy.defaults(),
          InMemorySeenSignatures.defaults());

  private static WebhookRequest push(byte[] body) {
    return WebhookRequest.post(Map.of("client", CLIENT_ID, "secret", SHARED), body);
  }

  @Test
  void pushWithOurCredentials_isAccepted_withFitUrl() {
    WebhookOutcome outcome = receiver.receive(push(body("coros/sport-data.json")), NOW);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            Accepted.class,
            accepted ->
                assertThat(accepted.notifications())
                    .containsExactly(
                        WebhookNotification.of(
                                Provider.COROS,
                                "a1b2c3d4",
                                NotificationKind.ACTIVITY_CREATED,
                                IdempotencyKeys.of(
                                    Provider.COROS, "a1b2c3d4", "427281627823456789"))
                            .withActivityId("427281627823456789")
                            .withFileUrl(
                                URI.create("https://oss.coros.com/fit/427281627823456789.fit"))));
  }

  @Test
  void wrongSecret_isRefused401() {
    WebhookRequest request =
        WebhookRequest.post(
            Map.of("client", CLIENT_ID, "secret", "guess"), body("coros/sport-data.json"));

    assertThat(receiver.receive(request, NOW))
        .isEqualTo(new Refused(401, WebhookProblem.SIGNATURE_INVALID));
  }

  @Test
  void wrongClient_isRefused401() {
    WebhookRequest request =
        WebhookRequest.post(
            Map.of("client", "other", "secret", SHARED), body("coros/sport-data.json"));

    assertThat(receiver.receive(request, NOW))
        .isEqualTo(Refused.of(WebhookProblem.SIGNATURE_INVALID));
  }

  @Test
  void missingHeaders_areRefused401() {
    WebhookRequest request =
        WebhookRequest.post(Map.of("client", CLIENT_ID), body("coros/sport-data.json"));

    assertThat(receiver.receive(request, NOW))
        .isEqualTo(new Refused(401, WebhookProblem.SIGNATURE_MISSING));
  }

  @Test
  void fitUrlOutsideCoros_isRefused_ssrf() {
    byte[] metadata =
        body(
            "coros/sport-data.json",
            "https://oss.coros.com/fit/427281627823456789.fit",
            "http://169.254.169.254/");
    byte[] lookalike = body("coros/sport-data.json", "oss.coros.com", "oss.coros.com.evil.example");
    byte[] bareSuffix = body("coros/sport-data.json", "oss.coros.com", "evilcoros.com");

    assertThat(receiver.receive(push(metadata), NOW))
        .isEqualTo(Refused.of(WebhookProblem.URL_REFUSED));
    assertThat(receiver.receive(push(lookalike), NOW))
        .isEqualTo(Refused.of(WebhookProblem.URL_REFUSED));
    assertThat(receiver.receive(push(bareSuffix), NOW))
        .isEqualTo(Refused.of(WebhookProblem.URL_REFUSED));
  }

  @Test
  void exactReplay_isAnsweredWithoutQueueing() {
    WebhookRequest request = push(body("coros/sport-data.json"));
    receiver.receive(request, NOW);

    assertThat(receiver.receive(request, NOW))
        .isEqualTo(new Replayed(200, WebhookProblem.REPLAYED));
  }

  @Test
  void bodyWithoutSportDataList_isMalformed() {
    byte[] body = "{\"data\":[]}".getBytes(StandardCharsets.UTF_8);

    assertThat(receiver.receive(push(body), NOW)).isEqualTo(Refused.of(WebhookProblem.MALFORMED));
  }

  @Test
  void oversizedBody_isRefused413() {
    byte[] body = new byte[WebhookPolicy.DEFAULT_MAX_BODY_BYTES + 1];

    assertThat(receiver.receive(push(body), NOW)).isEqualTo(Refused.of(WebhookProblem.TOO_LARGE));
  }

  @Test
  void unconfigured_refusesWith503() {
    CorosWebhookReceiver unconfigured =
        new CorosWebhookReceiver(
            WebhookFixtures.secrets(Provider.COROS),
            WebhookPolicy.defaults(),
            InMemorySeenSignatures.defaults());

    assertThat(unconfigured.receive(push(body("coros/sport-data.json")), NOW).status())
        .isEqualTo(503);
  }
}
