package app.stride.devices.webhook.suunto;

import static app.stride.devices.webhook.WebhookFixtures.NOW;
import static app.stride.devices.webhook.WebhookFixtures.body;
import static app.stride.devices.webhook.WebhookFixtures.hmacBase64;
import static app.stride.devices.webhook.WebhookFixtures.hmacHex;
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
import app.stride.devices.webhook.WebhookOutcome.Refused;
import app.stride.devices.webhook.WebhookOutcome.Replayed;
import app.stride.devices.webhook.WebhookPolicy;
import app.stride.devices.webhook.WebhookProblem;
import app.stride.devices.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuuntoWebhookReceiverTest {
  private static final String SECRET = "suunto-notification-secret";

  private final SuuntoWebhookReceiver receiver =
      new SuuntoWebhookReceiver(
          WebhookFixtures.secrets(Provider.SUUNTO).with(SecretKind.SIGNING_KEY, SECRET),
          WebhookPolicy.defaults(),
          InMemorySeenSignatures.defaults());

  private static WebhookRequest signedWith(String signature, byte[] body) {
    return WebhookRequest.post(Map.of("X-HMAC-SHA256-Signature", signature), body);
  }

  private static WebhookRequest signed(byte[] body) {
    return signedWith(hmacHex(Hmac.SHA256, SECRET, body), body);
  }

  @Test
  void signedWorkoutCreated_isAccepted_withWorkoutKey() {
    WebhookOutcome outcome = receiver.receive(signed(body("suunto/workout-created.json")), NOW);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            Accepted.class,
            accepted ->
                assertThat(accepted.notifications())
                    .containsExactly(
                        WebhookNotification.of(
                                Provider.SUUNTO,
                                "johndoe123",
                                NotificationKind.ACTIVITY_CREATED,
                                IdempotencyKeys.of(
                                    Provider.SUUNTO,
                                    "WORKOUT_CREATED",
                                    "johndoe123",
                                    "67604889401b942184624cb8"))
                            .withActivityId("67604889401b942184624cb8")));
  }

  @Test
  void base64Signature_isAcceptedToo() {
    byte[] body = body("suunto/workout-created.json");

    WebhookOutcome outcome =
        receiver.receive(signedWith(hmacBase64(Hmac.SHA256, SECRET, body), body), NOW);

    assertThat(outcome).isInstanceOf(Accepted.class);
  }

  @Test
  void otherNotificationTypes_areAcknowledged_withoutNotifications() {
    WebhookOutcome outcome = receiver.receive(signed(body("suunto/route-created.json")), NOW);

    assertThat(outcome)
        .isInstanceOfSatisfying(Accepted.class, a -> assertThat(a.notifications()).isEmpty());
  }

  @Test
  void missingSignature_isRefused401() {
    WebhookRequest request = WebhookRequest.post(Map.of(), body("suunto/workout-created.json"));

    assertThat(receiver.receive(request, NOW))
        .isEqualTo(new Refused(401, WebhookProblem.SIGNATURE_MISSING));
  }

  @Test
  void forgedSignature_isRefused401() {
    WebhookRequest request = signedWith("00".repeat(32), body("suunto/workout-created.json"));

    assertThat(receiver.receive(request, NOW))
        .isEqualTo(new Refused(401, WebhookProblem.SIGNATURE_INVALID));
  }

  @Test
  void signatureOverAnotherBody_isRefused() {
    String signatureOfRoute = hmacHex(Hmac.SHA256, SECRET, body("suunto/route-created.json"));

    WebhookOutcome outcome =
        receiver.receive(signedWith(signatureOfRoute, body("suunto/workout-created.json")), NOW);

    assertThat(outcome).isEqualTo(Refused.of(WebhookProblem.SIGNATURE_INVALID));
  }

  @Test
  void exactReplay_isAnsweredWithoutQueueing() {
    WebhookRequest request = signed(body("suunto/workout-created.json"));
    receiver.receive(request, NOW);

    assertThat(receiver.receive(request, NOW.plusSeconds(60)))
        .isEqualTo(new Replayed(200, WebhookProblem.REPLAYED));
  }

  @Test
  void oversizedBody_isRefused413() {
    byte[] body = new byte[WebhookPolicy.DEFAULT_MAX_BODY_BYTES + 1];

    assertThat(receiver.receive(signed(body), NOW)).isEqualTo(Refused.of(WebhookProblem.TOO_LARGE));
  }

  @Test
  void malformedJson_isRefused400() {
    byte[] body = "type=WORKOUT_CREATED&username=x".getBytes(StandardCharsets.UTF_8);

    assertThat(receiver.receive(signed(body), NOW)).isEqualTo(Refused.of(WebhookProblem.MALFORMED));
  }

  @Test
  void workoutWithoutKey_isMalformed() {
    byte[] body =
        body("suunto/workout-created.json", "\"workoutKey\":\"67604889401b942184624cb8\",", "");

    assertThat(receiver.receive(signed(body), NOW)).isEqualTo(Refused.of(WebhookProblem.MALFORMED));
  }
}
