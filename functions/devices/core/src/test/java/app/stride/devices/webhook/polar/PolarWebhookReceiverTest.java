package app.stride.devices.webhook.polar;

import static app.stride.devices.webhook.WebhookFixtures.NOW;
import static app.stride.devices.webhook.WebhookFixtures.SENT;
import static app.stride.devices.webhook.WebhookFixtures.body;
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
import app.stride.devices.webhook.WebhookOutcome.Handshake;
import app.stride.devices.webhook.WebhookOutcome.Refused;
import app.stride.devices.webhook.WebhookOutcome.Replayed;
import app.stride.devices.webhook.WebhookPolicy;
import app.stride.devices.webhook.WebhookProblem;
import app.stride.devices.webhook.WebhookRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolarWebhookReceiverTest {
  private static final String KEY = "polar-signature-secret-key-0123456789";

  private final InMemorySeenSignatures seen = InMemorySeenSignatures.defaults();
  private final PolarWebhookReceiver receiver =
      new PolarWebhookReceiver(
          WebhookFixtures.secrets(Provider.POLAR).with(SecretKind.SIGNING_KEY, KEY),
          WebhookPolicy.defaults(),
          seen);

  private static WebhookRequest signed(byte[] body) {
    return signedWith(hmacHex(Hmac.SHA256, KEY, body), body);
  }

  private static WebhookRequest signedWith(String signature, byte[] body) {
    return WebhookRequest.post(Map.of("polar-webhook-signature", signature), body);
  }

  private WebhookOutcome receive(WebhookRequest request) {
    return receiver.receive(request, NOW);
  }

  @Test
  void signedExercise_isAccepted_asActivityCreated_withStableKey() {
    WebhookOutcome outcome = receive(signed(body("polar/exercise.json")));

    assertThat(outcome).isInstanceOf(Accepted.class);
    Accepted accepted = (Accepted) outcome;
    assertThat(accepted.status()).isEqualTo(200);
    assertThat(accepted.notifications())
        .containsExactly(
            WebhookNotification.of(
                    Provider.POLAR,
                    "475",
                    NotificationKind.ACTIVITY_CREATED,
                    IdempotencyKeys.of(Provider.POLAR, "EXERCISE", "475", "aQlC83"))
                .withActivityId("aQlC83")
                .withCallbackUrl(URI.create("https://www.polaraccesslink.com/v3/exercises/aQlC83"))
                .withEventTime(SENT));
  }

  @Test
  void signature_isAccepted_inUpperCaseHex() {
    byte[] body = body("polar/exercise.json");

    WebhookOutcome outcome =
        receive(signedWith(hmacHex(Hmac.SHA256, KEY, body).toUpperCase(Locale.ROOT), body));

    assertThat(outcome).isInstanceOf(Accepted.class);
  }

  @Test
  void duplicateDelivery_afterReplayWindow_getsTheSameIdempotencyKey() {
    byte[] body = body("polar/exercise.json");
    Accepted first = (Accepted) receive(signed(body));
    seen.forget(first.replayKey());

    Accepted second = (Accepted) receive(signed(body));

    assertThat(second.notifications().get(0).idempotencyKey())
        .isEqualTo(first.notifications().get(0).idempotencyKey());
  }

  @Test
  void otherExercise_getsAnotherIdempotencyKey() {
    Accepted first = (Accepted) receive(signed(body("polar/exercise.json")));
    Accepted other =
        (Accepted)
            receive(
                signed(
                    body(
                        "polar/exercise.json",
                        "\"entity_id\":\"aQlC83\"",
                        "\"entity_id\":\"zZ9\"")));

    assertThat(other.notifications().get(0).idempotencyKey())
        .isNotEqualTo(first.notifications().get(0).idempotencyKey());
  }

  @Test
  void signedPing_isAnswered200_andQueuesNothing() {
    assertThat(receive(signed(body("polar/ping.json")))).isEqualTo(Handshake.empty(200));
  }

  @Test
  void pingDuringWebhookCreation_isAnswered200_beforeTheKeyIsKnown() {
    PolarWebhookReceiver withoutKey =
        new PolarWebhookReceiver(
            WebhookFixtures.secrets(Provider.POLAR), WebhookPolicy.defaults(), seen);
    WebhookRequest unsigned = WebhookRequest.post(Map.of(), body("polar/ping.json"));

    assertThat(withoutKey.receive(unsigned, NOW)).isEqualTo(Handshake.empty(200));
    assertThat(receive(signedWith("00".repeat(32), body("polar/ping.json"))))
        .isEqualTo(Handshake.empty(200));
  }

  @Test
  void bodyClaimingPingWithExerciseFields_queuesNothing() {
    byte[] body = body("polar/exercise.json", "\"event\":\"EXERCISE\"", "\"event\":\"PING\"");

    assertThat(receive(WebhookRequest.post(Map.of(), body))).isInstanceOf(Handshake.class);
  }

  @Test
  void otherEventTypes_areAcknowledged_withoutNotifications() {
    WebhookOutcome outcome = receive(signed(body("polar/sleep.json")));

    assertThat(outcome)
        .isInstanceOfSatisfying(Accepted.class, a -> assertThat(a.notifications()).isEmpty());
  }

  @Test
  void missingSignature_isRefused401() {
    WebhookOutcome outcome = receive(WebhookRequest.post(Map.of(), body("polar/exercise.json")));

    assertThat(outcome).isEqualTo(new Refused(401, WebhookProblem.SIGNATURE_MISSING));
  }

  @Test
  void forgedSignature_isRefused401() {
    byte[] body = body("polar/exercise.json");

    WebhookOutcome outcome = receive(signedWith("ab".repeat(32), body));

    assertThat(outcome).isEqualTo(new Refused(401, WebhookProblem.SIGNATURE_INVALID));
  }

  @Test
  void signatureUnderAnotherKey_isRefused() {
    byte[] body = body("polar/exercise.json");

    WebhookOutcome outcome = receive(signedWith(hmacHex(Hmac.SHA256, "not-our-key", body), body));

    assertThat(outcome).isEqualTo(Refused.of(WebhookProblem.SIGNATURE_INVALID));
  }

  @Test
  void signatureOverAnotherBody_isRefused() {
    String signatureOfSleep = hmacHex(Hmac.SHA256, KEY, body("polar/sleep.json"));

    WebhookOutcome outcome = receive(signedWith(signatureOfSleep, body("polar/exercise.json")));

    assertThat(outcome).isEqualTo(Refused.of(WebhookProblem.SIGNATURE_INVALID));
  }

  @Test
  void garbageSignature_isRefused_notAnError() {
    WebhookOutcome outcome = receive(signedWith("sha256=zz-not-hex", body("polar/exercise.json")));

    assertThat(outcome).isEqualTo(Refused.of(WebhookProblem.SIGNATURE_INVALID));
  }

  @Test
  void staleTimestamp_isRefused_evenWhenSigned() {
    WebhookOutcome outcome =
        receiver.receive(signed(body("polar/exercise.json")), SENT.plus(Duration.ofMinutes(16)));

    assertThat(outcome).isEqualTo(new Refused(401, WebhookProblem.STALE));
  }

  @Test
  void timestampFarInTheFuture_isRefused() {
    WebhookOutcome outcome =
        receiver.receive(signed(body("polar/exercise.json")), SENT.minus(Duration.ofMinutes(6)));

    assertThat(outcome).isEqualTo(Refused.of(WebhookProblem.STALE));
  }

  @Test
  void exactReplay_isAnswered200_withoutQueueingAgain() {
    WebhookRequest request = signed(body("polar/exercise.json"));
    assertThat(receive(request)).isInstanceOf(Accepted.class);

    WebhookOutcome replay = receiver.receive(request, NOW.plusSeconds(5));

    assertThat(replay).isEqualTo(new Replayed(200, WebhookProblem.REPLAYED));
  }

  @Test
  void retryAfterFailedQueueing_isAcceptedAgain() {
    WebhookRequest request = signed(body("polar/exercise.json"));
    Accepted first = (Accepted) receive(request);
    seen.forget(first.replayKey()); // the caller could not queue it and answered 5xx

    assertThat(receive(request)).isInstanceOf(Accepted.class);
  }

  @Test
  void oversizedBody_isRefused413_beforeAnyCheck() {
    byte[] body = new byte[WebhookPolicy.DEFAULT_MAX_BODY_BYTES + 1];

    assertThat(receive(signed(body))).isEqualTo(new Refused(413, WebhookProblem.TOO_LARGE));
  }

  @Test
  void malformedJson_isRefused400_evenWhenSigned() {
    byte[] body = "{\"event\":\"EXERCISE\",".getBytes(StandardCharsets.UTF_8);

    assertThat(receive(signed(body))).isEqualTo(new Refused(400, WebhookProblem.MALFORMED));
  }

  @Test
  void duplicateKeys_areRefused_soAFieldCannotBeShadowed() {
    byte[] body =
        body(
            "polar/exercise.json",
            "\"entity_id\":\"aQlC83\"",
            "\"entity_id\":\"aQlC83\",\"entity_id\":\"other\"");

    assertThat(receive(signed(body))).isEqualTo(Refused.of(WebhookProblem.MALFORMED));
  }

  @Test
  void exerciseWithoutUser_isMalformed() {
    byte[] body = body("polar/exercise.json", "\"user_id\":475,", "");

    assertThat(receive(signed(body))).isEqualTo(Refused.of(WebhookProblem.MALFORMED));
  }

  @Test
  void eventUrlOutsideAccessLink_isRefused() {
    assertThat(receive(signed(body("polar/exercise-foreign-url.json"))))
        .isEqualTo(new Refused(400, WebhookProblem.URL_REFUSED));
  }

  @Test
  void missingSecret_refusesEverything_503() {
    PolarWebhookReceiver unconfigured =
        new PolarWebhookReceiver(
            WebhookFixtures.secrets(Provider.POLAR), WebhookPolicy.defaults(), seen);

    assertThat(unconfigured.receive(signed(body("polar/exercise.json")), NOW))
        .isEqualTo(new Refused(503, WebhookProblem.NOT_CONFIGURED));
  }

  @Test
  void get_isNotAllowed() {
    assertThat(receive(WebhookRequest.get(Map.of())))
        .isEqualTo(new Refused(405, WebhookProblem.METHOD_NOT_ALLOWED));
  }

  @Test
  void timestampWithoutOffset_isReadAsUtc() {
    byte[] body = body("polar/exercise.json", "2026-03-01T10:00:00Z", "2026-03-01T10:00:00");

    WebhookOutcome outcome = receiver.receive(signed(body), Instant.parse("2026-03-01T10:10:00Z"));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            Accepted.class, a -> assertThat(a.notifications().get(0).eventTime()).isEqualTo(SENT));
  }
}
