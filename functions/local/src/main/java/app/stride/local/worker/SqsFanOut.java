package app.stride.local.worker;

import app.stride.core.json.Json;
import app.stride.testkit.server.ElasticMqServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.JsonNode;

/**
 * The fan-out of an events queue to its subscribers' queues, as infra wires it on AWS: an
 * EventBridge Pipe takes each message's body (the CloudEvent JSON) to an SNS topic, whose
 * subscriptions deliver it raw to each subscriber's queue whose filter policy matches the body's
 * {@code type}. Here one thread long-polls the events queue, sends the body (without the message's
 * attributes, which the pipe does not carry either) to every route whose event type it has, then
 * deletes it; a message no route takes is deleted too, as SNS drops it. A send that fails leaves
 * the message on the events queue for its visibility timeout, so it comes back and is sent to every
 * route again: subscribers see duplicates, never a loss, as with SNS. It logs message ids and
 * types, never a body.
 */
public final class SqsFanOut implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SqsFanOut.class);

  /** How long one receive waits for messages; also bounds how long stopping takes. */
  static final int WAIT_SECONDS = 5;

  /**
   * One subscriber's queue and the event type its subscription's filter takes.
   *
   * @param eventType the CloudEvent type, matched against the body's {@code type}
   * @param queueUrl the subscriber's queue
   */
  public record Route(String eventType, String queueUrl) {
    public Route {
      Objects.requireNonNull(eventType, "eventType");
      Objects.requireNonNull(queueUrl, "queueUrl");
    }
  }

  private final String name;
  private final SqsClient sqs;
  private final String eventsQueueUrl;
  private final List<Route> routes;
  private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
  private final Thread thread;
  private volatile boolean running = true;

  private SqsFanOut(String name, SqsClient sqs, String eventsQueueUrl, List<Route> routes) {
    this.name = name;
    this.sqs = sqs;
    this.eventsQueueUrl = eventsQueueUrl;
    this.routes = List.copyOf(routes);
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
  }

  /** Starts fanning {@code eventsQueueUrl} out to {@code routes}; {@code name} names the thread. */
  public static SqsFanOut start(
      String name, ElasticMqServer server, String eventsQueueUrl, List<Route> routes) {
    SqsFanOut fanOut = new SqsFanOut(name, LocalSqs.client(server), eventsQueueUrl, routes);
    fanOut.thread.start();
    log.info("{}: fanning {} out to {} queues", name, eventsQueueUrl, routes.size());
    return fanOut;
  }

  private void run() {
    while (running) {
      try {
        for (Message message : receive()) {
          forward(message);
        }
        backoff.reset();
      } catch (RuntimeException e) {
        // SDK and queue errors alike: the loop must outlive them (messages stay on the queue).
        if (running) {
          log.warn("{}: queue call failed ({})", name, e.getClass().getSimpleName());
          pause();
        }
      }
    }
  }

  private List<Message> receive() {
    return sqs.receiveMessage(
            b -> b.queueUrl(eventsQueueUrl).maxNumberOfMessages(10).waitTimeSeconds(WAIT_SECONDS))
        .messages();
  }

  /** Sends the body to every matching route, then deletes it from the events queue. */
  private void forward(Message message) {
    Optional<String> type = type(message.body());
    int sent = 0;
    for (Route route : routes) {
      if (type.isPresent() && route.eventType().equals(type.get())) {
        sqs.sendMessage(b -> b.queueUrl(route.queueUrl()).messageBody(message.body()));
        sent++;
      }
    }
    sqs.deleteMessage(b -> b.queueUrl(eventsQueueUrl).receiptHandle(message.receiptHandle()));
    log.info(
        "{}: message={} type={} sent to {} queues",
        name,
        message.messageId(),
        type.orElse("(none)"),
        sent);
  }

  /** The body's CloudEvent {@code type}; empty when the body is not a JSON object with one. */
  static Optional<String> type(String body) {
    try {
      JsonNode event = Json.mapper().readTree(body.getBytes(StandardCharsets.UTF_8));
      JsonNode type = event.path("type");
      return type.isString() ? Optional.of(type.asString()) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private void pause() {
    try {
      Thread.sleep(backoff.next().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** Stops polling: at most one receive's wait; a message being sent comes back to the queue. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(WAIT_SECONDS + 2).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sqs.close();
  }
}
