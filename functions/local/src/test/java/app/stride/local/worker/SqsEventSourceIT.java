package app.stride.local.worker;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.json.Json;
import app.stride.testkit.junit.ElasticMqExtension;
import app.stride.testkit.junit.UniqueNames;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SQS event source against ElasticMQ, with a stand-in worker on loopback that records each
 * event it is invoked with and names the records whose body is {@code poison} in its {@code
 * batchItemFailures}. The queue's visibility timeout is one second here.
 */
class SqsEventSourceIT {
  @RegisterExtension static final ElasticMqExtension SQS = new ElasticMqExtension();

  private final List<JsonNode> records = new CopyOnWriteArrayList<>();
  private HttpServer worker;
  private SqsClient sqs;
  private LocalWorkQueue queue;
  private SqsEventSource source;

  @BeforeEach
  void start() throws IOException {
    worker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    worker.createContext(
        "/invoke", exchange -> answer(exchange.getRequestBody().readAllBytes(), exchange));
    worker.start();
    sqs = LocalSqs.client(SQS.server());
    queue = LocalWorkQueue.create(sqs, UniqueNames.uniqueName("work"), 1);
    source =
        SqsEventSource.start(
            "test-source",
            SQS.server(),
            new SqsEventSource.Target(
                queue,
                "eu-central-1",
                URI.create("http://127.0.0.1:" + worker.getAddress().getPort() + "/invoke"),
                Duration.ofSeconds(10)));
  }

  @AfterEach
  void stop() {
    source.close();
    sqs.close();
    worker.stop(0);
  }

  @Test
  void batch_reachesTheWorkerAsAnSqsEvent_andWhatItHandledIsDeleted() throws Exception {
    send("first");
    send("second");

    await(() -> bodies().containsAll(List.of("first", "second")));
    Thread.sleep(3_000); // three visibility timeouts: a message left on the queue would be back

    assertThat(bodies()).containsExactlyInAnyOrder("first", "second");
    JsonNode record = records.get(0);
    assertThat(record.path("eventSource").asString()).isEqualTo("aws:sqs");
    assertThat(record.path("eventSourceARN").asString()).isEqualTo(queue.arn());
    assertThat(record.path("attributes").path("ApproximateReceiveCount").asString()).isEqualTo("1");
    assertThat(record.path("attributes").path("SentTimestamp").asString()).isNotBlank();
    assertThat(record.path("messageAttributes").path("kind").path("stringValue").asString())
        .isEqualTo("webhook.polar");
  }

  @Test
  void aFailedMessage_comesBackAfterTheVisibilityTimeout_andIsDeadLetteredAfterFiveReceives()
      throws Exception {
    send("poison");
    send("fine");

    await(
        () ->
            sqs.getQueueAttributes(
                    b ->
                        b.queueUrl(queue.deadLetterUrl())
                            .attributeNamesWithStrings("ApproximateNumberOfMessages"))
                .attributesAsStrings()
                .get("ApproximateNumberOfMessages")
                .equals("1"));

    assertThat(bodies().stream().filter("poison"::equals))
        .hasSize(LocalWorkQueue.MAX_RECEIVE_COUNT);
    assertThat(bodies().stream().filter("fine"::equals)).hasSize(1);
    assertThat(
            records.stream()
                .filter(r -> r.path("body").asString().equals("poison"))
                .map(r -> r.path("attributes").path("ApproximateReceiveCount").asString()))
        .containsExactly("1", "2", "3", "4", "5");
  }

  @Test
  void close_stopsPollingWithinOneReceiveWait() {
    long started = System.nanoTime();

    source.close();

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isLessThan(Duration.ofSeconds(SqsEventSource.WAIT_SECONDS + 2));
  }

  private void answer(byte[] event, HttpExchange exchange) throws IOException {
    ObjectNode answer = Json.mapper().createObjectNode();
    ArrayNode failures = answer.putArray("batchItemFailures");
    for (JsonNode record : Json.mapper().readTree(event).path("Records")) {
      records.add(record);
      if (record.path("body").asString().equals("poison")) {
        failures.addObject().put("itemIdentifier", record.path("messageId").asString());
      }
    }
    byte[] body = Json.toBytes(answer);
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private List<String> bodies() {
    return records.stream().map(r -> r.path("body").asString()).toList();
  }

  private void send(String body) {
    sqs.sendMessage(
        b ->
            b.queueUrl(queue.url())
                .messageBody(body)
                .messageAttributes(
                    Map.of(
                        "kind",
                        MessageAttributeValue.builder()
                            .dataType("String")
                            .stringValue("webhook.polar")
                            .build())));
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("within 30 s").isLessThan(deadline);
      Thread.sleep(100);
    }
  }
}
