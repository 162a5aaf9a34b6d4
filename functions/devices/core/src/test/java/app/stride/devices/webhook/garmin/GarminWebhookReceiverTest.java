package app.stride.devices.webhook.garmin;

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

class GarminWebhookReceiverTest {
  private static final String USER = "4aacafe82427c251df9c9592d0c06768";
  private static final String TOKEN = "8f57a6f1-26ba-4b05-a7cd-c6b525a4c7a2";
  private static final String CLIENT_ID = "856b6502-0fed-48fb-9e60-643c299fb3b7";

  private static final GarminUserLookup KNOWS_OUR_USER =
      (userId, token) -> userId.equals(USER) && token.equals(TOKEN);

  private final GarminWebhookReceiver receiver =
      new GarminWebhookReceiver(
          WebhookFixtures.secrets(Provider.GARMIN).with(SecretKind.CLIENT_ID, CLIENT_ID),
          WebhookPolicy.defaults(),
          InMemorySeenSignatures.defaults(),
          KNOWS_OUR_USER);

  private static WebhookRequest push(byte[] body) {
    return WebhookRequest.post(Map.of("garmin-client-id", CLIENT_ID), body);
  }

  @Test
  void activityFile_fromKnownUser_isAccepted_withGarminFileUrl() {
    WebhookOutcome outcome = receiver.receive(push(body("garmin/activity-files.json")), NOW);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            Accepted.class,
            accepted ->
                assertThat(accepted.notifications())
                    .containsExactly(
                        WebhookNotification.of(
                                Provider.GARMIN,
                                USER,
                                NotificationKind.ACTIVITY_CREATED,
                                IdempotencyKeys.of(
                                    Provider.GARMIN, "activityFiles", USER, "37f8d9fb", "", ""))
                            .withActivityId("37f8d9fb")
                            .withFileUrl(
                                URI.create(
                                    "https://apis.garmin.com/wellness-api/rest/activityFile?id=37f8d9fb&token=abc"))));
  }

  @Test
  void pingAndDeregistration_becomeCallbackAndDeauthorized_otherSummariesIgnored() {
    WebhookOutcome outcome =
        receiver.receive(push(body("garmin/ping-and-deregistration.json")), NOW);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            Accepted.class,
            accepted -> {
              assertThat(accepted.notifications())
                  .extracting(WebhookNotification::kind)
                  .containsExactly(
                      NotificationKind.ACTIVITY_CREATED, NotificationKind.DEAUTHORIZED);
              assertThat(accepted.notifications().get(0).callback())
                  .hasValueSatisfying(
                      url -> assertThat(url.getHost()).isEqualTo("apis.garmin.com"));
              assertThat(accepted.notifications().get(1).idempotencyKey())
                  .doesNotContain(TOKEN)
                  .hasSize(64);
            });
  }

  @Test
  void withoutClientIdHeader_isStillAccepted_becauseGarminDoesNotDocumentIt() {
    WebhookRequest request = WebhookRequest.post(Map.of(), body("garmin/activity-files.json"));

    assertThat(receiver.receive(request, NOW)).isInstanceOf(Accepted.class);
  }

  @Test
  void wrongClientIdHeader_isRefused401() {
    WebhookRequest request =
        WebhookRequest.post(
            Map.of("garmin-client-id", "someone-else"), body("garmin/activity-files.json"));

    assertThat(receiver.receive(request, NOW))
        .isEqualTo(new Refused(401, WebhookProblem.SIGNATURE_INVALID));
  }

  @Test
  void unknownUserAccessToken_isRefused401_andNothingQueued() {
    byte[] body = body("garmin/activity-files.json", TOKEN, "00000000-0000-0000-0000-000000000000");

    assertThat(receiver.receive(push(body), NOW))
        .isEqualTo(new Refused(401, WebhookProblem.SIGNATURE_INVALID));
  }

  @Test
  void entryWithoutUserAccessToken_isMalformed() {
    byte[] body = body("garmin/activity-files.json", "\"userAccessToken\":\"" + TOKEN + "\",", "");

    assertThat(receiver.receive(push(body), NOW)).isEqualTo(Refused.of(WebhookProblem.MALFORMED));
  }

  @Test
  void callbackToCloudMetadata_isRefused_ssrf() {
    assertThat(receiver.receive(push(body("garmin/metadata-callback.json")), NOW))
        .isEqualTo(new Refused(400, WebhookProblem.URL_REFUSED));
  }

  @Test
  void callbackToLookalikeHost_isRefused() {
    assertThat(receiver.receive(push(body("garmin/lookalike-callback.json")), NOW))
        .isEqualTo(Refused.of(WebhookProblem.URL_REFUSED));
  }

  @Test
  void callbackOverPlainHttp_isRefused() {
    byte[] body =
        body("garmin/activity-files.json", "https://apis.garmin.com", "http://apis.garmin.com");

    assertThat(receiver.receive(push(body), NOW)).isEqualTo(Refused.of(WebhookProblem.URL_REFUSED));
  }

  @Test
  void callbackWithUserInfoOrPort_isRefused() {
    byte[] withUserInfo =
        body(
            "garmin/activity-files.json",
            "https://apis.garmin.com",
            "https://apis.garmin.com@10.0.0.1");
    byte[] withPort =
        body(
            "garmin/activity-files.json",
            "https://apis.garmin.com",
            "https://apis.garmin.com:8443");

    assertThat(receiver.receive(push(withUserInfo), NOW).status()).isEqualTo(400);
    assertThat(receiver.receive(push(withPort), NOW).status()).isEqualTo(400);
  }

  @Test
  void exactReplay_isAnsweredWithoutQueueing() {
    WebhookRequest request = push(body("garmin/activity-files.json"));
    receiver.receive(request, NOW);

    assertThat(receiver.receive(request, NOW))
        .isEqualTo(new Replayed(200, WebhookProblem.REPLAYED));
  }

  @Test
  void malformedJson_andNonArrayLists_areRefused400() {
    byte[] broken = "{\"activityFiles\":[".getBytes(StandardCharsets.UTF_8);
    byte[] notArray = "{\"activityFiles\":{\"userId\":\"x\"}}".getBytes(StandardCharsets.UTF_8);

    assertThat(receiver.receive(push(broken), NOW)).isEqualTo(Refused.of(WebhookProblem.MALFORMED));
    assertThat(receiver.receive(push(notArray), NOW))
        .isEqualTo(Refused.of(WebhookProblem.MALFORMED));
  }

  @Test
  void oversizedBody_isRefused413() {
    byte[] body = new byte[WebhookPolicy.DEFAULT_MAX_BODY_BYTES + 1];

    assertThat(receiver.receive(push(body), NOW)).isEqualTo(Refused.of(WebhookProblem.TOO_LARGE));
  }
}
