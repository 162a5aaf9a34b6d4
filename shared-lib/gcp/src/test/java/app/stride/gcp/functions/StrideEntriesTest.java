package app.stride.gcp.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.trigger.QueueMessage;
import app.stride.core.trigger.ScheduledTick;
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
