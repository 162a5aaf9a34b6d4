package app.stride.devices.webhook.strava;

import static app.stride.devices.webhook.WebhookFixtures.NOW;
import static app.stride.devices.webhook.WebhookFixtures.SENT;
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
import app.stride.devices.webhook.WebhookOutcome.Handshake;
import app.stride.devices.webhook.WebhookOutcome.Refused;
import app.stride.devices.webhook.WebhookOutcome.Replayed;
import app.stride.devices.webhook.WebhookPolicy;
import app.stride.devices.webhook.WebhookProblem;
import app.stride.devices.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StravaWebhookReceiverTest {
  private static final String VERIFY_TOKEN = "stride-strava-verify";
  private static final long SUBSCRIPTION = 120475;

  private final StravaWebhookReceiver receiver =
      new StravaWebhookReceiver(
          WebhookFixtures.secrets(Provider.STRAVA).with(SecretKind.VERIFICATION_CODE, VERIFY_TOKEN),
          WebhookPolicy.defaults(),
          InMemorySeenSignatures.defaults(),
          SUBSCRIPTION);

  private static WebhookRequest event(byte[] body) {
    return WebhookRequest.post(Map.of("Content-Type", "application/json"), body);
  }

  @Test
  void validation_withOurToken_echoesTheChallenge() {
    WebhookOutcome outcome =
        receiver.receive(
            WebhookRequest.get(
                Map.of(
                    "hub.mode", "subscribe",
                    "hub.verify_token", VERIFY_TOKEN,
                    "hub.challenge", "15f7d1a91c1f40f8a748fd134752feb3")),
            NOW);

    assertThat(outcome)
        .isEqualTo(
            new Handshake(
                200,
                "application/json",
                "{\"hub.challenge\":\"15f7d1a91c1f40f8a748fd134752feb3\"}"));
  }

  @Test
  void validation_withWrongToken_isRefused() {
    WebhookOutcome outcome =
        receiver.receive(
            WebhookRequest.get(
                Map.of(
                    "hub.mode", "subscribe",
                    "hub.verify_token", "guess",
                    "hub.challenge", "abc")),
            NOW);

    assertThat(outcome).isEqualTo(new Refused(403, WebhookProblem.VERIFICATION_FAILED));
  }

  @Test
  void challengeWithoutToken_isRefused() {
    WebhookOutcome outcome =
        receiver.receive(
            WebhookRequest.get(Map.of("hub.mode", "subscribe", "hub.challenge", "abc")), NOW);

    assertThat(outcome).isEqualTo(Refused.of(WebhookProblem.VERIFICATION_FAILED));
  }

  @Test
  void challengeThatIsNotPlainText_isRefused_soNothingIsReflected() {
    WebhookOutcome outcome =
        receiver.receive(
            WebhookRequest.get(
                Map.of(
                    "hub.mode", "subscribe",
                    "hub.verify_token", VERIFY_TOKEN,
                    "hub.challenge", "\"}<script>alert(1)</script>")),
            NOW);

    assertThat(outcome).isEqualTo(Refused.of(WebhookProblem.VERIFICATION_FAILED));
  }

  @Test
  void activityCreate_isAccepted_withActivityAndAthlete() {
    WebhookOutcome outcome = receiver.receive(event(body("strava/activity-create.json")), NOW);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            Accepted.class,
            accepted -> {
              assertThat(accepted.status()).isEqualTo(200);
              assertThat(accepted.notifications())
                  .containsExactly(
                      WebhookNotification.of(
                              Provider.STRAVA,
                              "134815",
                              NotificationKind.ACTIVITY_CREATED,
                              IdempotencyKeys.of(
                                  Provider.STRAVA,
                                  "activity",
                                  "1360128428",
                                  "create",
                                  "activity-created",
                                  "1772359200"))
                          .withActivityId("1360128428")
                          .withEventTime(SENT));
            });
  }

  @Test
  void activityUpdate_isActivityUpdated_withAnotherKey() {
    Accepted create = (Accepted) receiver.receive(event(body("strava/activity-create.json")), NOW);
    Accepted update = (Accepted) receiver.receive(event(body("strava/activity-update.json")), NOW);

    assertThat(update.notifications().get(0).kind()).isEqualTo(NotificationKind.ACTIVITY_UPDATED);
    assertThat(update.notifications().get(0).idempotencyKey())
        .isNotEqualTo(create.notifications().get(0).idempotencyKey());
  }

  @Test
  void athleteWithAuthorizedFalse_isDeauthorized() {
    WebhookOutcome outcome = receiver.receive(event(body("strava/athlete-deauthorize.json")), NOW);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            Accepted.class,
            accepted -> {
              WebhookNotification notification = accepted.notifications().get(0);
              assertThat(notification.kind()).isEqualTo(NotificationKind.DEAUTHORIZED);
              assertThat(notification.providerUserId()).isEqualTo("134815");
              assertThat(notification.activityId()).isEmpty();
            });
  }

  @Test
  void otherAthleteUpdates_areAcknowledged_withoutNotifications() {
    byte[] body =
        body("strava/athlete-deauthorize.json", "\"authorized\":\"false\"", "\"weight\":\"70\"");

    WebhookOutcome outcome = receiver.receive(event(body), NOW);

    assertThat(outcome)
        .isInstanceOfSatisfying(Accepted.class, a -> assertThat(a.notifications()).isEmpty());
  }

  @Test
  void wrongSubscriptionId_isRefused401() {
    byte[] body =
        body("strava/activity-create.json", "\"subscription_id\":120475", "\"subscription_id\":1");

    assertThat(receiver.receive(event(body), NOW))
        .isEqualTo(new Refused(401, WebhookProblem.SIGNATURE_INVALID));
  }

  @Test
  void missingSubscriptionId_isRefused401() {
    byte[] body = body("strava/activity-create.json", "\"subscription_id\":120475,", "");

    assertThat(receiver.receive(event(body), NOW))
        .isEqualTo(new Refused(401, WebhookProblem.SIGNATURE_MISSING));
  }

  @Test
  void staleEventTime_isRefused() {
    WebhookOutcome outcome =
        receiver.receive(
            event(body("strava/activity-create.json")), SENT.plus(Duration.ofHours(2)));

    assertThat(outcome).isEqualTo(new Refused(401, WebhookProblem.STALE));
  }

  @Test
  void eventTimeInTheFuture_isRefused() {
    WebhookOutcome outcome =
        receiver.receive(
            event(body("strava/activity-create.json")), SENT.minus(Duration.ofMinutes(10)));

    assertThat(outcome).isEqualTo(Refused.of(WebhookProblem.STALE));
  }

  @Test
  void exactReplay_isAnswered200_withoutQueueing() {
    WebhookRequest request = event(body("strava/activity-create.json"));
    receiver.receive(request, NOW);

    assertThat(receiver.receive(request, NOW))
        .isEqualTo(new Replayed(200, WebhookProblem.REPLAYED));
  }

  @Test
  void malformedJson_isRefused400() {
    byte[] body = "{\"object_type\":".getBytes(StandardCharsets.UTF_8);

    assertThat(receiver.receive(event(body), NOW)).isEqualTo(Refused.of(WebhookProblem.MALFORMED));
  }

  @Test
  void objectIdThatIsNotAnId_isMalformed() {
    byte[] body =
        body(
            "strava/activity-create.json",
            "\"object_id\":1360128428",
            "\"object_id\":\"../../admin\"");

    assertThat(receiver.receive(event(body), NOW)).isEqualTo(Refused.of(WebhookProblem.MALFORMED));
  }

  @Test
  void oversizedBody_isRefused413() {
    byte[] body = new byte[WebhookPolicy.DEFAULT_MAX_BODY_BYTES + 1];

    assertThat(receiver.receive(event(body), NOW)).isEqualTo(Refused.of(WebhookProblem.TOO_LARGE));
  }
}
