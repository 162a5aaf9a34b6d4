package app.stride.devices.webhook.fitbit;

import static app.stride.devices.webhook.WebhookFixtures.NOW;
import static app.stride.devices.webhook.WebhookFixtures.body;
import static app.stride.devices.webhook.WebhookFixtures.hmacBase64;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.devices.domain.Provider;
import app.stride.devices.webhook.Hmac;
import app.stride.devices.webhook.IdempotencyKeys;
import app.stride.devices.webhook.InMemorySeenSignatures;
import app.stride.devices.webhook.NotificationKind;
import app.stride.devices.webhook.SecretKind;
import app.stride.devices.webhook.WebhookFixtures;
import app.stride.devices.webhook.WebhookNotification;
import app.stride.devices.webhook.WebhookOutcome;
import app.stride.devices.webhook.WebhookOutcome.Accepted;
import app.stride.devices.webhook.WebhookOutcome.Handshake;
import app.stride.devices.webhook.WebhookOutcome.Refused;
import app.stride.devices.webhook.WebhookOutcome.Replayed;
import app.stride.devices.webhook.WebhookPolicy;
import app.stride.devices.webhook.WebhookProblem;
import app.stride.devices.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FitbitWebhookReceiverTest {
  private static final String CLIENT_SECRET = "fitbit-client-secret";
  private static final String VERIFY_CODE = "d5a1f0c2e3b4";

  private final FitbitWebhookReceiver receiver =
      new FitbitWebhookReceiver(
          WebhookFixtures.secrets(Provider.FITBIT)
              .with(SecretKind.CLIENT_SECRET, CLIENT_SECRET)
              .with(SecretKind.VERIFICATION_CODE, VERIFY_CODE),
          WebhookPolicy.defaults(),
          InMemorySeenSignatures.defaults());

  private static WebhookRequest signedWith(String signature, byte[] body) {
    return WebhookRequest.post(Map.of("X-Fitbit-Signature", signature), body);
  }

  /** Fitbit's documented key: the client secret followed by {@code &}. */
  private static WebhookRequest signed(byte[] body) {
    return signedWith(hmacBase64(Hmac.SHA1, CLIENT_SECRET + "&", body), body);
  }

  @Test
  void verification_withOurCode_isAnswered204() {
    WebhookOutcome outcome =
        receiver.receive(WebhookRequest.get(Map.of("verify", VERIFY_CODE)), NOW);

    assertThat(outcome).isEqualTo(Handshake.empty(204));
  }

  @Test
  void verification_withWrongCode_isAnswered404() {
    WebhookOutcome outcome = receiver.receive(WebhookRequest.get(Map.of("verify", "wrong")), NOW);

    assertThat(outcome).isEqualTo(new Refused(404, WebhookProblem.VERIFICATION_FAILED));
  }

  @Test
  void verification_withoutCode_isAnswered404() {
    assertThat(receiver.receive(WebhookRequest.get(Map.of()), NOW).status()).isEqualTo(404);
  }

  @Test
  void verification_withTheCodeTwice_isAnswered404() {
    WebhookRequest request =
        WebhookRequest.of(
            "GET", Map.of("verify", List.of("wrong", VERIFY_CODE)), Map.of(), new byte[0]);

    assertThat(receiver.receive(request, NOW).status()).isEqualTo(404);
  }

  @Test
  void signedNotifications_areAccepted204_activitiesAndRevocation() {
    WebhookOutcome outcome = receiver.receive(signed(body("fitbit/notifications.json")), NOW);

    assertThat(outcome).isInstanceOf(Accepted.class);
    Accepted accepted = (Accepted) outcome;
    assertThat(accepted.status()).isEqualTo(204);
    assertThat(accepted.notifications())
        .containsExactly(
            WebhookNotification.of(
                    Provider.FITBIT,
                    "228S74",
                    NotificationKind.ACTIVITY_UPDATED,
                    IdempotencyKeys.of(
                        Provider.FITBIT, "activities", "228S74", "2026-03-01", "stride-228S74"))
                .withDay(LocalDate.parse("2026-03-01")),
            WebhookNotification.of(
                    Provider.FITBIT,
                    "9XYZ12",
                    NotificationKind.DEAUTHORIZED,
                    IdempotencyKeys.of(
                        Provider.FITBIT,
                        "userRevokedAccess",
                        "9XYZ12",
                        "2026-03-01",
                        "stride-9XYZ12"))
                .withDay(LocalDate.parse("2026-03-01")));
  }

  @Test
  void missingSignature_isRefused401() {
    WebhookRequest request = WebhookRequest.post(Map.of(), body("fitbit/notifications.json"));

    assertThat(receiver.receive(request, NOW))
        .isEqualTo(new Refused(401, WebhookProblem.SIGNATURE_MISSING));
  }

  @Test
  void signatureWithoutTheAmpersand_isRefused() {
    byte[] body = body("fitbit/notifications.json");

    WebhookOutcome outcome =
        receiver.receive(signedWith(hmacBase64(Hmac.SHA1, CLIENT_SECRET, body), body), NOW);

    assertThat(outcome).isEqualTo(Refused.of(WebhookProblem.SIGNATURE_INVALID));
  }

  @Test
  void forgedSignature_isRefused() {
    WebhookOutcome outcome =
        receiver.receive(
            signedWith("AAAAAAAAAAAAAAAAAAAAAAAAAAA=", body("fitbit/notifications.json")), NOW);

    assertThat(outcome).isEqualTo(new Refused(401, WebhookProblem.SIGNATURE_INVALID));
  }

  @Test
  void signatureOverAnotherBody_isRefused() {
    byte[] other = "[]".getBytes(StandardCharsets.UTF_8);
    String signature = hmacBase64(Hmac.SHA1, CLIENT_SECRET + "&", other);

    WebhookOutcome outcome =
        receiver.receive(signedWith(signature, body("fitbit/notifications.json")), NOW);

    assertThat(outcome).isEqualTo(Refused.of(WebhookProblem.SIGNATURE_INVALID));
  }

  @Test
  void exactReplay_isAnswered204_withoutQueueing() {
    WebhookRequest request = signed(body("fitbit/notifications.json"));
    receiver.receive(request, NOW);

    assertThat(receiver.receive(request, NOW))
        .isEqualTo(new Replayed(204, WebhookProblem.REPLAYED));
  }

  @Test
  void objectInsteadOfArray_isMalformed() {
    byte[] body = "{\"collectionType\":\"activities\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(receiver.receive(signed(body), NOW)).isEqualTo(Refused.of(WebhookProblem.MALFORMED));
  }

  @Test
  void activityNotificationWithBadDate_isMalformed() {
    byte[] body =
        body(
            "fitbit/notifications.json",
            "\"date\":\"2026-03-01\",\"ownerId\":\"228S74\"",
            "\"date\":\"yesterday\",\"ownerId\":\"228S74\"");

    assertThat(receiver.receive(signed(body), NOW)).isEqualTo(Refused.of(WebhookProblem.MALFORMED));
  }

  @Test
  void oversizedBody_isRefused413() {
    byte[] body = new byte[WebhookPolicy.DEFAULT_MAX_BODY_BYTES + 1];

    assertThat(receiver.receive(signed(body), NOW).status()).isEqualTo(413);
  }
}
