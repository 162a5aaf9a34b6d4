package app.stride.devices.webhook.fitbit;

import static app.stride.devices.webhook.WebhookFixtures.NOW;
import static app.stride.devices.webhook.WebhookFixtures.body;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.devices.domain.Provider;
import app.stride.devices.webhook.IdempotencyKeys;
import app.stride.devices.webhook.InMemorySeenSignatures;
import app.stride.devices.webhook.NotificationKind;
import app.stride.devices.webhook.SecretKind;
import app.stride.devices.webhook.TimeWindow;
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
import java.security.KeyPair;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Google Health's subscriber protocol, as the Fitbit webhook speaks it. */
class FitbitWebhookReceiverTest {
  /** The endpoint secret registered with the subscriber: Google sends it as the whole header. */
  private static final String AUTHORIZATION = "Bearer 6c1f0e2d9a8b7c6d5e4f3a2b";

  private static final KeyPair GOOGLE = GoogleHealthKeys.p256();
  private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
  private static final Instant END = Instant.parse("2026-03-01T08:45:30Z");

  private final FitbitWebhookReceiver receiver = receiver(false);

  private static FitbitWebhookReceiver receiver(boolean withKey) {
    WebhookFixtures.Secrets secrets =
        WebhookFixtures.secrets(Provider.FITBIT).with(SecretKind.WEBHOOK_TOKEN, AUTHORIZATION);
    if (withKey) {
      secrets.with(SecretKind.PUBLIC_KEY, GoogleHealthKeys.pem(GOOGLE.getPublic()));
    }
    return new FitbitWebhookReceiver(
        secrets, WebhookPolicy.defaults(), InMemorySeenSignatures.defaults());
  }

  private static WebhookRequest post(byte[] body, String... headers) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < headers.length; i += 2) {
      map.put(headers[i], headers[i + 1]);
    }
    return WebhookRequest.post(map, body);
  }

  private static WebhookRequest authorized(byte[] body) {
    return post(body, "Authorization", AUTHORIZATION);
  }

  private static WebhookRequest signed(byte[] body) {
    return post(
        body,
        "Authorization",
        AUTHORIZATION,
        HealthApiSignatures.HEADER,
        GoogleHealthKeys.sign(GOOGLE, body));
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String exerciseKey(String operation, Instant start, Instant end) {
    return IdempotencyKeys.of(
        Provider.FITBIT, "exercise", operation, "3Mg7QzU2kPq", start.toString(), end.toString());
  }

  // --- the verification Google makes when the subscriber is created or updated ---

  @Test
  void verification_withOurAuthorization_isAnswered201() {
    assertThat(receiver.receive(authorized(body("fitbit/verification.json")), NOW))
        .isEqualTo(Handshake.empty(201));
  }

  @Test
  void verification_withoutAuthorization_isAnswered401() {
    WebhookOutcome outcome = receiver.receive(post(body("fitbit/verification.json")), NOW);

    assertThat(outcome).isEqualTo(Refused.of(WebhookProblem.SIGNATURE_MISSING));
    assertThat(outcome.status()).isEqualTo(401);
  }

  @Test
  void verification_withAnotherAuthorization_isAnswered401() {
    for (String wrong :
        new String[] {"Bearer guess", AUTHORIZATION.substring(7), AUTHORIZATION + " ", ""}) {
      WebhookOutcome outcome =
          receiver.receive(post(body("fitbit/verification.json"), "Authorization", wrong), NOW);

      assertThat(outcome).as(wrong).isEqualTo(Refused.of(WebhookProblem.SIGNATURE_INVALID));
    }
  }

  @Test
  void verification_behindGooglesApiGateway_findsTheSecretInXForwardedAuthorization() {
    WebhookRequest request =
        post(
            body("fitbit/verification.json"),
            "Authorization",
            "Bearer eyJhbGciOiJSUzI1NiJ9.gateway.token",
            FitbitWebhookReceiver.FORWARDED_AUTHORIZATION,
            AUTHORIZATION);

    assertThat(receiver.receive(request, NOW)).isEqualTo(Handshake.empty(201));
  }

  @Test
  void withoutAConfiguredSecret_everythingIsRefused503() {
    FitbitWebhookReceiver unconfigured =
        new FitbitWebhookReceiver(
            WebhookFixtures.secrets(Provider.FITBIT),
            WebhookPolicy.defaults(),
            InMemorySeenSignatures.defaults());

    assertThat(unconfigured.receive(authorized(body("fitbit/verification.json")), NOW))
        .isEqualTo(Refused.of(WebhookProblem.NOT_CONFIGURED));
  }

  // --- notifications ---

  @Test
  void anAuthorizedExerciseUpsert_isAccepted204_asAnUpdateOfItsTimeWindow() {
    WebhookOutcome outcome = receiver.receive(authorized(body("fitbit/exercise-upsert.json")), NOW);

    assertThat(outcome).isInstanceOf(Accepted.class);
    Accepted accepted = (Accepted) outcome;
    assertThat(accepted.status()).isEqualTo(204);
    assertThat(accepted.notifications())
        .containsExactly(
            WebhookNotification.of(
                    Provider.FITBIT,
                    "3Mg7QzU2kPq",
                    NotificationKind.ACTIVITY_UPDATED,
                    exerciseKey("UPSERT", START, END))
                .withWindow(new TimeWindow(START, END)));
  }

  @Test
  void anExerciseDelete_isQueuedAsADeletion() {
    Accepted accepted =
        (Accepted) receiver.receive(authorized(body("fitbit/exercise-delete.json")), NOW);

    assertThat(accepted.notifications())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.kind()).isEqualTo(NotificationKind.ACTIVITY_DELETED);
              assertThat(n.idempotencyKey()).isEqualTo(exerciseKey("DELETE", START, END));
            });
  }

  @Test
  void otherDataTypes_areAcknowledged_andNothingIsQueued() {
    WebhookOutcome outcome = receiver.receive(authorized(body("fitbit/steps-upsert.json")), NOW);

    assertThat(outcome).isEqualTo(new Accepted(204, java.util.List.of(), acceptedKey(outcome)));
  }

  @Test
  void aBatch_queuesItsExercises_overTheSpanOfTheirIntervals() {
    Accepted accepted = (Accepted) receiver.receive(authorized(body("fitbit/batch.json")), NOW);

    Instant eveningEnd = Instant.parse("2026-03-01T17:40:00Z");
    assertThat(accepted.notifications())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.changed()).contains(new TimeWindow(START, eveningEnd));
              assertThat(n.idempotencyKey()).isEqualTo(exerciseKey("UPSERT", START, eveningEnd));
            });
  }

  @Test
  void aCivilInterval_isWidenedByTheLargestOffsets() {
    byte[] body =
        json(
            "{\"data\":{\"healthUserId\":\"3Mg7QzU2kPq\",\"operation\":\"UPSERT\","
                + "\"dataType\":\"exercise\",\"intervals\":[{\"civilIso8601TimeInterval\":"
                + "{\"startTime\":\"2026-03-01T09:00:00\",\"endTime\":\"2026-03-01T09:45:30\"}}]}}");

    Accepted accepted = (Accepted) receiver.receive(authorized(body), NOW);

    assertThat(accepted.notifications().get(0).changed())
        .contains(
            new TimeWindow(
                Instant.parse("2026-02-28T19:00:00Z"), Instant.parse("2026-03-01T23:45:30Z")));
  }

  @Test
  void aNotificationWithoutAuthorization_isRefused401_andQueuesNothing() {
    assertThat(receiver.receive(post(body("fitbit/exercise-upsert.json")), NOW))
        .isEqualTo(Refused.of(WebhookProblem.SIGNATURE_MISSING));
  }

  @Test
  void aNotificationWithAWrongAuthorization_isRefused401() {
    WebhookOutcome outcome =
        receiver.receive(
            post(body("fitbit/exercise-upsert.json"), "Authorization", "Bearer guess"), NOW);

    assertThat(outcome).isEqualTo(Refused.of(WebhookProblem.SIGNATURE_INVALID));
    assertThat(outcome.status()).isEqualTo(401);
  }

  @Test
  void anExactReplay_isAnswered204_withoutQueueing() {
    WebhookRequest request = authorized(body("fitbit/exercise-upsert.json"));
    receiver.receive(request, NOW);

    assertThat(receiver.receive(request, NOW.plusSeconds(60)))
        .isEqualTo(new Replayed(204, WebhookProblem.REPLAYED));
  }

  // --- the ECDSA P-256 signature, checked when a key is configured ---

  @Test
  void withAKey_aNotificationSignedByGoogle_isAccepted() {
    WebhookOutcome outcome =
        receiver(true).receive(signed(body("fitbit/exercise-upsert.json")), NOW);

    assertThat(outcome).isInstanceOf(Accepted.class);
    assertThat(((Accepted) outcome).notifications()).hasSize(1);
  }

  @Test
  void withAKey_anUnsignedNotification_isRefused401() {
    assertThat(receiver(true).receive(authorized(body("fitbit/exercise-upsert.json")), NOW))
        .isEqualTo(Refused.of(WebhookProblem.SIGNATURE_MISSING));
  }

  @Test
  void withAKey_aForgedSignature_isRefused401_evenWithTheRightAuthorization() {
    byte[] body = body("fitbit/exercise-upsert.json");
    WebhookRequest forged =
        post(
            body,
            "Authorization",
            AUTHORIZATION,
            HealthApiSignatures.HEADER,
            GoogleHealthKeys.sign(GoogleHealthKeys.p256(), body));

    assertThat(receiver(true).receive(forged, NOW))
        .isEqualTo(Refused.of(WebhookProblem.SIGNATURE_INVALID));
  }

  @Test
  void withAKey_aSignatureOfAnotherBody_isRefused401() {
    byte[] body = body("fitbit/exercise-upsert.json");
    byte[] other = body("fitbit/exercise-delete.json");
    WebhookRequest moved =
        post(
            body,
            "Authorization",
            AUTHORIZATION,
            HealthApiSignatures.HEADER,
            GoogleHealthKeys.sign(GOOGLE, other));

    assertThat(receiver(true).receive(moved, NOW))
        .isEqualTo(Refused.of(WebhookProblem.SIGNATURE_INVALID));
  }

  @Test
  void withAKey_aSignatureWithoutTheAuthorization_isStillRefused() {
    byte[] body = body("fitbit/exercise-upsert.json");
    WebhookRequest request =
        post(body, HealthApiSignatures.HEADER, GoogleHealthKeys.sign(GOOGLE, body));

    assertThat(receiver(true).receive(request, NOW))
        .isEqualTo(Refused.of(WebhookProblem.SIGNATURE_MISSING));
  }

  @Test
  void withAKey_theVerificationNeedsOnlyTheAuthorization() {
    assertThat(receiver(true).receive(authorized(body("fitbit/verification.json")), NOW))
        .isEqualTo(Handshake.empty(201));
  }

  @Test
  void aConfiguredKeyThatIsNotAP256Key_refusesNotifications503_ratherThanSkipTheCheck() {
    FitbitWebhookReceiver misconfigured =
        new FitbitWebhookReceiver(
            WebhookFixtures.secrets(Provider.FITBIT)
                .with(SecretKind.WEBHOOK_TOKEN, AUTHORIZATION)
                .with(SecretKind.PUBLIC_KEY, "not a key"),
            WebhookPolicy.defaults(),
            InMemorySeenSignatures.defaults());

    assertThat(misconfigured.receive(signed(body("fitbit/exercise-upsert.json")), NOW))
        .isEqualTo(Refused.of(WebhookProblem.NOT_CONFIGURED));
  }

  // --- bodies that are not what Google sends ---

  @Test
  void malformedBodies_areRefused400_afterTheAuthorization() {
    String[] bodies = {
      "not json",
      "\"verification\"",
      "[]",
      "{\"data\":{\"healthUserId\":\"u1\",\"operation\":\"UPSERT\",\"dataType\":\"exercise\"}}",
      "{\"data\":{\"healthUserId\":\"u1\",\"operation\":\"PATCH\",\"dataType\":\"exercise\","
          + "\"intervals\":[{\"physicalTimeInterval\":{\"startTime\":\"2026-03-01T08:00:00Z\","
          + "\"endTime\":\"2026-03-01T09:00:00Z\"}}]}}",
      "{\"data\":{\"healthUserId\":\"u1\",\"operation\":\"UPSERT\",\"dataType\":\"exercise\","
          + "\"intervals\":[{\"physicalTimeInterval\":{\"startTime\":\"2026-03-01T08:00:00Z\","
          + "\"endTime\":\"2026-01-01T09:00:00Z\"}}]}}",
      "{\"data\":{\"healthUserId\":\"u1\",\"operation\":\"UPSERT\",\"dataType\":\"exercise\","
          + "\"intervals\":[{\"physicalTimeInterval\":{\"startTime\":\"2025-03-01T08:00:00Z\","
          + "\"endTime\":\"2026-03-01T09:00:00Z\"}}]}}",
      "{\"data\":{\"healthUserId\":\"../etc\",\"operation\":\"UPSERT\",\"dataType\":\"steps\"}}",
      "{\"data\":{\"healthUserId\":\"u1\",\"healthUserId\":\"u2\",\"operation\":\"UPSERT\","
          + "\"dataType\":\"steps\"}}"
    };
    for (String text : bodies) {
      assertThat(receiver.receive(authorized(json(text)), NOW))
          .as(text)
          .isEqualTo(Refused.of(WebhookProblem.MALFORMED));
    }
    assertThat(receiver.receive(post(json("not json")), NOW).status())
        .as("no authorization, no parsing")
        .isEqualTo(401);
  }

  @Test
  void anOversizedBody_isRefused413() {
    byte[] body = new byte[WebhookPolicy.DEFAULT_MAX_BODY_BYTES + 1];

    assertThat(receiver.receive(authorized(body), NOW).status()).isEqualTo(413);
  }

  @Test
  void get_isNotAllowed() {
    assertThat(receiver.receive(WebhookRequest.get(Map.of("verify", "x")), NOW).status())
        .isEqualTo(405);
  }

  private static String acceptedKey(WebhookOutcome outcome) {
    return ((Accepted) outcome).replayKey();
  }
}
