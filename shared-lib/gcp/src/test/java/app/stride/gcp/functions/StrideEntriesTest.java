package app.stride.gcp.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.trigger.QueueMessage;
import app.stride.core.trigger.ScheduledTick;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/** The entries against a real (lean) Spring Cloud Function context, without an HTTP server. */
class StrideEntriesTest {

  @BeforeEach
  void clear() {
    ToyApplication.RECEIVED.clear();
  }

  @Test
  void httpEntry_callsTheCatalogFunctionAndWritesItsAnswer() throws Exception {
    FakeHttpResponse response = new FakeHttpResponse();

    new ToyHttpFunction()
        .service(new FakeHttpRequest("POST", "/echo").header("X-Toy", "t").body("hi"), response);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.getHeaders()).containsEntry("X-Echo", List.of("yes"));
    assertThat(response.bodyText()).contains("\"body\":\"hi\"").contains("\"header\":\"t\"");
  }

  @Test
  void httpEntry_answers413ProblemForAnOversizedBody() throws Exception {
    FakeHttpResponse response = new FakeHttpResponse();

    new ToyHttpFunction()
        .service(
            new FakeHttpRequest("POST", "/echo").body(new byte[ToyHttpFunction.MAX_BODY + 1]),
            response);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.getContentType()).contains("application/problem+json");
    assertThat(response.bodyText())
        .contains("payload-too-large")
        .contains("\"instance\":\"/echo\"");
  }

  @Test
  void httpEntry_answers500ProblemWithoutDetailsWhenTheFunctionThrows() throws Exception {
    FakeHttpResponse response = new FakeHttpResponse();

    new ToyHttpFunction().service(new FakeHttpRequest("GET", "/boom"), response);

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.bodyText())
        .contains("problems/internal")
        .doesNotContain("secret internals");
  }

  @Test
  void queueEntry_handsTheDecodedMessageToTheConsumer() {
    new ToyQueueFunction().accept(PubSubEvents.published("messagePublished-queue"));

    assertThat(ToyApplication.RECEIVED)
        .singleElement()
        .isInstanceOfSatisfying(
            QueueMessage.class, m -> assertThat(m.id()).isEqualTo("2070443601311540"));
  }

  @Test
  void pushEntry_handsThePushedMessageToTheConsumer_andAnswers204() throws Exception {
    FakeHttpResponse response = new FakeHttpResponse();

    new ToyPushFunction().service(push("hello", "4711", 3), response);

    assertThat(response.status()).isEqualTo(204);
    assertThat(ToyApplication.RECEIVED)
        .singleElement()
        .isInstanceOfSatisfying(
            QueueMessage.class,
            m -> {
              assertThat(m.id()).isEqualTo("4711");
              assertThat(new String(m.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
              assertThat(m.attributes()).containsEntry("kind", "webhook.polar");
              assertThat(m.deliveryAttempt()).isEqualTo(3);
            });
  }

  @Test
  void pushEntry_aFailingWorker_is500_soPubSubDeliversAgain() throws Exception {
    FakeHttpResponse response = new FakeHttpResponse();

    new ToyPushFunction().service(push("boom", "4712", 1), response);

    assertThat(response.status()).isEqualTo(500);
    assertThat(ToyApplication.RECEIVED).isEmpty();
  }

  @Test
  void pushEntry_refusesWhatIsNotAPush_withoutCallingTheWorker() throws Exception {
    for (String body :
        new String[] {
          "",
          "[]",
          "{\"message\":{}}",
          "{\"message\":{\"messageId\":\"1\",\"data\":\"@@\"}}",
          "nope"
        }) {
      FakeHttpResponse response = new FakeHttpResponse();
      new ToyPushFunction().service(new FakeHttpRequest("POST", "/").body(body), response);
      assertThat(response.status()).as(body).isEqualTo(400);
    }
    FakeHttpResponse get = new FakeHttpResponse();
    new ToyPushFunction().service(new FakeHttpRequest("GET", "/"), get);
    assertThat(get.status()).isEqualTo(405);
    FakeHttpResponse huge = new FakeHttpResponse();
    new ToyPushFunction()
        .service(
            new FakeHttpRequest("POST", "/")
                .body(new byte[StridePubSubPushFunction.MAX_BODY_BYTES + 1]),
            huge);
    assertThat(huge.status()).isEqualTo(413);
    assertThat(ToyApplication.RECEIVED).isEmpty();
  }

  /** A push body as Pub/Sub posts it to an endpoint (no CloudEvent headers). */
  private static FakeHttpRequest push(String data, String id, int attempt) {
    String body =
        "{\"message\":{\"attributes\":{\"kind\":\"webhook.polar\"},\"data\":\""
            + Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8))
            + "\",\"messageId\":\""
            + id
            + "\",\"publishTime\":\"2026-11-27T04:00:00Z\"},"
            + "\"subscription\":\"projects/p/subscriptions/s\",\"deliveryAttempt\":"
            + attempt
            + "}";
    return new FakeHttpRequest("POST", "/").header("Content-Type", "application/json").body(body);
  }

  @Test
  void scheduleEntry_handsATickToTheConsumer() {
    new ToyTickFunction().accept(PubSubEvents.published("messagePublished-schedule"));

    assertThat(ToyApplication.RECEIVED)
        .singleElement()
        .isInstanceOfSatisfying(
            ScheduledTick.class, t -> assertThat(t.schedule()).isEqualTo("profiles-outbox-relay"));
  }

  @Test
  void entry_failsFastWhenTheInitializerRegistersNoSuchFunction() {
    assertThatThrownBy(Missing::new)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no function named 'nope'");
  }

  /** Names a function the toy does not register. */
  static final class Missing extends StrideHttpFunction {
    Missing() {
      super(toy(), "nope");
    }
  }

  private static Class<? extends ApplicationContextInitializer<GenericApplicationContext>> toy() {
    return ToyApplication.class;
  }
}
