package app.stride.gcp.functions;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.OffsetDateTime;

/** CloudEvents of published Pub/Sub messages, built from the fixtures under {@code pubsub/}. */
final class PubSubEvents {
  private PubSubEvents() {}

  /** The Eventarc CloudEvent carrying the fixture {@code pubsub/<name>.json} as data. */
  static CloudEvent published(String name) {
    return CloudEventBuilder.v1()
        .withId("eventarc-" + name)
        .withType(PubSubPushes.MESSAGE_PUBLISHED)
        .withSource(URI.create("//pubsub.googleapis.com/projects/stride-apac/topics/t"))
        .withTime(OffsetDateTime.parse("2026-01-02T03:04:06Z"))
        .withDataContentType("application/json")
        .withData(fixture(name))
        .build();
  }

  static byte[] fixture(String name) {
    try (InputStream in = PubSubEvents.class.getResourceAsStream("/pubsub/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
