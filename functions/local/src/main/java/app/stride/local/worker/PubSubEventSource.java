package app.stride.local.worker;

import app.stride.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Delivers a work topic's messages to its worker function as the topic's push subscription does in
 * the cloud (infra's {@code PushWorker}): one HTTP POST per message carrying the push body ({@code
 * message}, {@code subscription}, {@code deliveryAttempt}), no CloudEvent headers. A 2xx answer
 * acknowledges the message; any other answer, or none within the worker's timeout, gives it back to
 * be delivered again after a backoff (10 s doubling to 600 s, infra's retry policy), and after
 * {@value LocalPubSub#MAX_DELIVERY_ATTEMPTS} attempts it is published to the dead-letter topic and
 * acknowledged. The emulator's own push has no dead-letter policy and counts no delivery attempts,
 * so this pulls and counts them itself, per message id. Up to {@value #BATCH_SIZE} messages are
 * pulled at a time and delivered at once; an empty pull waits {@value #IDLE_MILLIS} ms before the
 * next. It logs message ids and outcomes, never a body.
 */
public final class PubSubEventSource implements AutoCloseable {
  /** Messages pulled, and delivered at once, per round. */
  public static final int BATCH_SIZE = 4;

  static final long IDLE_MILLIS = 500;

  private static final Logger log = LoggerFactory.getLogger(PubSubEventSource.class);
  private static final Duration FIRST_RETRY = Duration.ofSeconds(10);
  private static final Duration LAST_RETRY = Duration.ofSeconds(600);

  /**
   * Where messages go.
   *
   * @param topic the topic the subscription is of
   * @param subscription its delivery subscription
   * @param endpoint the function's URL
   * @param timeout the function's timeout: an answer taking longer counts as a failure
   * @param deadLetters the topic a message goes to after its last attempt
   * @param eventType the only {@code ce-type} attribute delivered, where the subscription filters
   *     on it: the emulator keeps a subscription's filter but does not apply it (checked: both of
   *     two messages of different types were pulled), so others are acknowledged here undelivered
   */
  public record Target(
      String topic,
      String subscription,
      URI endpoint,
      Duration timeout,
      String deadLetters,
      Optional<String> eventType) {
    public Target {
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(subscription, "subscription");
      Objects.requireNonNull(endpoint, "endpoint");
      Objects.requireNonNull(timeout, "timeout");
      Objects.requireNonNull(deadLetters, "deadLetters");
      Objects.requireNonNull(eventType, "eventType");
    }

    /** A work topic's delivery subscription: every message, dead-lettered to the topic's. */
    public Target(String topic, String subscription, URI endpoint, Duration timeout) {
      this(
          topic,
          subscription,
          endpoint,
          timeout,
          LocalPubSub.deadLetterTopic(topic),
          Optional.empty());
    }

    /** Whether {@code message} passes the subscription's filter. */
    boolean takes(JsonNode message) {
      return eventType.isEmpty()
          || eventType.get().equals(message.path("attributes").path("ce-type").asString(""));
    }
  }

  private final String name;
  private final LocalPubSub pubsub;
  private final Target target;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
  private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
  private final ExecutorService deliveries;
  private final Thread thread;
  private volatile boolean running = true;

  private PubSubEventSource(String name, LocalPubSub pubsub, Target target) {
    this.name = name;
    this.pubsub = pubsub;
    this.target = target;
    this.deliveries = Executors.newFixedThreadPool(BATCH_SIZE, r -> daemon(r, name + "-push"));
    this.thread = daemon(this::run, name);
  }

  /** Starts delivering {@code target}'s subscription; {@code name} names its threads. */
  public static PubSubEventSource start(String name, LocalPubSub pubsub, Target target) {
    PubSubEventSource source = new PubSubEventSource(name, pubsub, target);
    source.thread.start();
    log.info("{}: delivering {} to its worker", name, target.subscription());
    return source;
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

  private void run() {
    while (running) {
      try {
        List<JsonNode> received = pubsub.pull(target.subscription(), BATCH_SIZE);
        if (received.isEmpty()) {
          Thread.sleep(IDLE_MILLIS);
        } else {
          deliverAll(received);
        }
        backoff.reset();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // Emulator errors: the loop must outlive them (messages stay on the subscription).
        if (running) {
          log.warn("{}: pulling failed ({})", name, e.getClass().getSimpleName());
          pause();
        }
      }
    }
  }

  private void deliverAll(List<JsonNode> received) throws InterruptedException {
    List<Future<?>> started = new ArrayList<>();
    for (JsonNode message : received) {
      started.add(deliveries.submit(() -> deliver(message)));
    }
    for (Future<?> delivery : started) {
      try {
        delivery.get();
      } catch (ExecutionException e) {
        log.warn("{}: a delivery failed ({})", name, e.getCause().getClass().getSimpleName());
      }
    }
  }

  /** Delivers one received message, then acknowledges it, gives it back or dead-letters it. */
  private void deliver(JsonNode received) {
    String ackId = received.path("ackId").asString();
    JsonNode message = received.path("message");
    String id = message.path("messageId").asString();
    if (!target.takes(message)) {
      pubsub.acknowledge(target.subscription(), ackId);
      log.info("{}: message={} not of {}: filtered out", name, id, target.eventType().get());
      return;
    }
    int attempt = attempts.merge(id, 1, Integer::sum);
    int status = push(message, attempt);
    if (status / 100 == 2) {
      attempts.remove(id);
      pubsub.acknowledge(target.subscription(), ackId);
      log.info("{}: message={} attempt={} handled", name, id, attempt);
    } else if (attempt >= LocalPubSub.MAX_DELIVERY_ATTEMPTS) {
      pubsub.publish(target.deadLetters(), message);
      pubsub.acknowledge(target.subscription(), ackId);
      attempts.remove(id);
      log.warn("{}: message={} failed {} times ({}): dead-lettered", name, id, attempt, status);
    } else {
      Duration retry = retryDelay(attempt);
      pubsub.redeliverAfter(target.subscription(), ackId, retry);
      log.info(
          "{}: message={} attempt={} failed ({}): again in {}", name, id, attempt, status, retry);
    }
  }

  /** The worker's status; 0 when it did not answer. */
  private int push(JsonNode message, int attempt) {
    ObjectNode wrapper = Json.mapper().createObjectNode();
    wrapper.set("message", message);
    wrapper.put(
        "subscription", "projects/" + pubsub.project() + "/subscriptions/" + target.subscription());
    wrapper.put("deliveryAttempt", attempt);
    HttpRequest request =
        HttpRequest.newBuilder(target.endpoint())
            .timeout(target.timeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(wrapper)))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** 10 s after the first failure, doubling, at most 600 s. */
  static Duration retryDelay(int attempt) {
    Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(attempt - 1, 10));
    return delay.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : delay;
  }

  private void pause() {
    try {
      Thread.sleep(backoff.next().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** Stops pulling; messages being delivered are left to the subscription's redelivery. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    deliveries.shutdownNow();
    try {
      thread.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
