package app.stride.local.worker;

import app.stride.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A region's Pub/Sub emulator through its REST API: topics, and a work topic's delivery
 * subscription as infra's {@code EventsTopic.forWork} declares it (the dead-letter topic {@code
 * <topic>-dlq} with its hold subscription, a dead-letter policy of {@value #MAX_DELIVERY_ATTEMPTS}
 * attempts), pulled by a {@link PubSubEventSource}.
 */
public final class LocalPubSub {
  /** Delivery attempts after which a message is dead-lettered (infra's value). */
  public static final int MAX_DELIVERY_ATTEMPTS = 5;

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

  private final String emulatorHost;
  private final String project;

  /** The emulator at {@code emulatorHost} ({@code host:port}), in {@code project}. */
  public LocalPubSub(String emulatorHost, String project) {
    this.emulatorHost = emulatorHost;
    this.project = project;
  }

  /** The project the topics and subscriptions belong to. */
  public String project() {
    return project;
  }

  /** Creates {@code topic} unless it exists. */
  public void createTopic(String topic) {
    put("topics/" + topic, Map.of());
  }

  /**
   * Creates the dead-letter topic and its hold subscription and the delivery subscription {@code
   * <topic>-delivery} of {@code topic}, which a message is leased from for {@code ackDeadline};
   * returns the delivery subscription's name.
   */
  public String createDeliverySubscription(String topic, Duration ackDeadline) {
    String deadLetters = deadLetterTopic(topic);
    createTopic(deadLetters);
    put("subscriptions/" + deadLetters + "-hold", Map.of("topic", topicPath(deadLetters)));
    Map<String, Object> delivery = new LinkedHashMap<>();
    delivery.put("topic", topicPath(topic));
    delivery.put("ackDeadlineSeconds", ackDeadline.toSeconds());
    delivery.put(
        "deadLetterPolicy",
        Map.of(
            "deadLetterTopic",
            topicPath(deadLetters),
            "maxDeliveryAttempts",
            MAX_DELIVERY_ATTEMPTS));
    String subscription = topic + "-delivery";
    put("subscriptions/" + subscription, delivery);
    return subscription;
  }

  /**
   * Creates the subscription {@code subscription} of {@code topic} taking only messages whose
   * {@code ce-type} attribute is {@code eventType}, as infra's subscriber subscriptions, with its
   * own dead-letter topic {@code <subscription>-dlq} and that topic's hold subscription; returns
   * the dead-letter topic. The emulator keeps the filter without applying it: {@link
   * PubSubEventSource} applies it.
   */
  public String createFilteredSubscription(
      String topic, String subscription, String eventType, Duration ackDeadline) {
    String deadLetters = deadLetterTopic(subscription);
    createTopic(deadLetters);
    put("subscriptions/" + deadLetters + "-hold", Map.of("topic", topicPath(deadLetters)));
    Map<String, Object> delivery = new LinkedHashMap<>();
    delivery.put("topic", topicPath(topic));
    delivery.put("ackDeadlineSeconds", ackDeadline.toSeconds());
    delivery.put("filter", "attributes.ce-type = \"" + eventType + "\"");
    delivery.put(
        "deadLetterPolicy",
        Map.of(
            "deadLetterTopic",
            topicPath(deadLetters),
            "maxDeliveryAttempts",
            MAX_DELIVERY_ATTEMPTS));
    put("subscriptions/" + subscription, delivery);
    return deadLetters;
  }

  /** The dead-letter topic of {@code topic}. */
  public static String deadLetterTopic(String topic) {
    return topic + "-dlq";
  }

  /** Deletes {@code subscription}; a missing one is no error. */
  public void deleteSubscription(String subscription) {
    send(
        HttpRequest.newBuilder(resource("subscriptions/" + subscription)).DELETE(),
        Set.of(200, 404));
  }

  /** Up to {@code max} received messages of {@code subscription}, without waiting for more. */
  public List<JsonNode> pull(String subscription, int max) {
    JsonNode answer =
        post(
            "subscriptions/" + subscription + ":pull",
            Map.of("maxMessages", max, "returnImmediately", true));
    List<JsonNode> received = new ArrayList<>();
    answer.path("receivedMessages").forEach(received::add);
    return received;
  }

  /** Acknowledges the delivery {@code ackId}: the message is done. */
  public void acknowledge(String subscription, String ackId) {
    post("subscriptions/" + subscription + ":acknowledge", Map.of("ackIds", List.of(ackId)));
  }

  /** Gives the delivery {@code ackId} back: the message is delivered again after {@code delay}. */
  public void redeliverAfter(String subscription, String ackId, Duration delay) {
    post(
        "subscriptions/" + subscription + ":modifyAckDeadline",
        Map.of("ackIds", List.of(ackId), "ackDeadlineSeconds", delay.toSeconds()));
  }

  /** Publishes {@code message} (a received message's {@code data} and {@code attributes}). */
  public void publish(String topic, JsonNode message) {
    Map<String, Object> copy = new LinkedHashMap<>();
    copy.put("data", message.path("data").asString(""));
    copy.put("attributes", message.path("attributes"));
    post("topics/" + topic + ":publish", Map.of("messages", List.of(copy)));
  }

  private String topicPath(String topic) {
    return "projects/" + project + "/topics/" + topic;
  }

  private URI resource(String path) {
    return URI.create("http://" + emulatorHost + "/v1/projects/" + project + "/" + path);
  }

  private void put(String path, Map<String, ?> body) {
    send(
        HttpRequest.newBuilder(resource(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(body))),
        Set.of(200, 409));
  }

  private JsonNode post(String path, Map<String, ?> body) {
    String answer =
        send(
            HttpRequest.newBuilder(resource(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(body))),
            Set.of(200));
    return Json.mapper().readTree(answer.isBlank() ? "{}" : answer);
  }

  /** The answer's body; an unexpected status fails, naming the call, not the body sent. */
  private static String send(HttpRequest.Builder builder, Set<Integer> accepted) {
    HttpRequest request = builder.timeout(CALL_TIMEOUT).build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (!accepted.contains(response.statusCode())) {
        throw new IllegalStateException(
            "Pub/Sub emulator: "
                + request.method()
                + " "
                + request.uri().getPath()
                + " answered "
                + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
