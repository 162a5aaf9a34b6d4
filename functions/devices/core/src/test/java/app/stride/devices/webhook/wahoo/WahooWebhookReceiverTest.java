package app.stride.devices.webhook.wahoo;

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

class WahooWebhookReceiverTest {
  private static final String TOKEN = "348a6fe2-3719-4647-a233-933b8c404d6b";
  private static final String FILE =
      "https://cdn.wahooligan.com/wahoo-cloud/production/uploads/workout_file/file/WpHvKL3i/2026-03-01-ELEMNT.fit";

  private final WahooWebhookReceiver receiver =
      new WahooWebhookReceiver(
          WebhookFixtures.secrets(Provider.WAHOO).with(SecretKind.WEBHOOK_TOKEN, TOKEN),
          WebhookPolicy.defaults(),
          InMemorySeenSignatures.defaults());

  private static WebhookRequest post(byte[] body) {
    return WebhookRequest.post(Map.of("Content-Type", "application/json"), body);
  }

  @Test
  void workoutSummary_withOurToken_isAccepted_withFitUrl() {
    WebhookOutcome outcome = receiver.receive(post(body("wahoo/workout-summary.json")), NOW);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            Accepted.class,
            accepted ->
                assertThat(accepted.notifications())
                    .containsExactly(
                        WebhookNotification.of(
                                Provider.WAHOO,
                                "60462",
                                NotificationKind.ACTIVITY_CREATED,
                                IdempotencyKeys.of(
                                    Provider.WAHOO,
                                    "60462",
                                    "140473420",
                                    "2026-03-01T10:00:09.000Z"))
                            .withActivityId("147564736")
                            .withFileUrl(URI.create(FILE))));
  }

  @Test
  void updatedSummary_isActivityUpdated_withAnotherKey() {
    byte[] updated =
        body(
            "wahoo/workout-summary.json",
            "\"updated_at\":\"2026-03-01T10:00:09.000Z\"",
            "\"updated_at\":\"2026-03-01T12:00:00.000Z\"");

    Accepted accepted = (Accepted) receiver.receive(post(updated), NOW);

    assertThat(accepted.notifications().get(0).kind()).isEqualTo(NotificationKind.ACTIVITY_UPDATED);
    assertThat(accepted.notifications().get(0).idempotencyKey())
        .isNotEqualTo(
            IdempotencyKeys.of(Provider.WAHOO, "60462", "140473420", "2026-03-01T10:00:09.000Z"));
  }

  @Test
  void wrongToken_isRefused401() {
    byte[] body = body("wahoo/workout-summary.json", TOKEN, "348a6fe2-3719-4647-a233-933b8c404d6c");

    assertThat(receiver.receive(post(body), NOW))
        .isEqualTo(new Refused(401, WebhookProblem.SIGNATURE_INVALID));
  }

  @Test
  void missingToken_isRefused401() {
    byte[] body = body("wahoo/workout-summary.json", ",\"webhook_token\":\"" + TOKEN + "\"", "");

    assertThat(receiver.receive(post(body), NOW))
        .isEqualTo(new Refused(401, WebhookProblem.SIGNATURE_MISSING));
  }

  @Test
  void tokenAsNumber_isRefused() {
    byte[] body = body("wahoo/workout-summary.json", "\"" + TOKEN + "\"", "348");

    assertThat(receiver.receive(post(body), NOW).status()).isEqualTo(401);
  }

  @Test
  void fileUrlOnMetadataAddress_isRefused_ssrf() {
    byte[] body =
        body("wahoo/workout-summary.json", FILE, "http://169.254.169.254/latest/meta-data/");

    assertThat(receiver.receive(post(body), NOW))
        .isEqualTo(new Refused(400, WebhookProblem.URL_REFUSED));
  }

  @Test
  void fileUrlOnAnotherHost_isRefused() {
    byte[] body =
        body("wahoo/workout-summary.json", "cdn.wahooligan.com", "cdn.wahooligan.com.evil.example");

    assertThat(receiver.receive(post(body), NOW)).isEqualTo(Refused.of(WebhookProblem.URL_REFUSED));
  }

  @Test
  void exactReplay_isAnswered200_withoutQueueing() {
    WebhookRequest request = post(body("wahoo/workout-summary.json"));
    receiver.receive(request, NOW);

    assertThat(receiver.receive(request, NOW))
        .isEqualTo(new Replayed(200, WebhookProblem.REPLAYED));
  }

  @Test
  void malformedJson_isRefused400() {
    byte[] body = ("{\"webhook_token\":\"" + TOKEN + "\"").getBytes(StandardCharsets.UTF_8);

    assertThat(receiver.receive(post(body), NOW)).isEqualTo(Refused.of(WebhookProblem.MALFORMED));
  }

  @Test
  void duplicateTokenKeys_areRefused_soTheCheckedCopyCannotBeShadowed() {
    byte[] body =
        body(
            "wahoo/workout-summary.json",
            "\"webhook_token\":\"" + TOKEN + "\"",
            "\"webhook_token\":\"" + TOKEN + "\",\"webhook_token\":\"x\"");

    assertThat(receiver.receive(post(body), NOW)).isEqualTo(Refused.of(WebhookProblem.MALFORMED));
  }

  @Test
  void oversizedBody_isRefused413() {
    byte[] body = new byte[WebhookPolicy.DEFAULT_MAX_BODY_BYTES + 1];

    assertThat(receiver.receive(post(body), NOW)).isEqualTo(Refused.of(WebhookProblem.TOO_LARGE));
  }
}
