package app.stride.profiles.adapter.in.queue;

import app.stride.core.region.RegionId;
import app.stride.core.trigger.QueueMessage;
import app.stride.events.CloudEvent;
import app.stride.events.EventCodec;
import app.stride.events.user.v1.UserDeleted;
import app.stride.profiles.application.port.in.EraseUserDataCommand;
import app.stride.profiles.domain.UserId;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a queue message as an {@code app.stride.user.v1.deleted} event: the body must be the
 * structured-mode CloudEvent JSON, valid against the type's JSON Schema (formats asserted, no
 * unknown payload field), with {@code subject} equal to {@code data.userId} and {@code source} the
 * auth function of {@code data.homeRegion}. {@link EventCodec} alone is a tolerant reader, so the
 * schema is checked first: an eraser deletes data, and acts only on an event that is exactly what
 * the contract says. The schema is compiled on the first message, not at start-up.
 */
public final class UserDeletedDecoder {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final EventCodec codec = new EventCodec();
  private volatile Schema schema;

  /**
   * The erasure the message asks for.
   *
   * @throws UnreadableEventException when the message is not a valid event of this type
   */
  public EraseUserDataCommand decode(QueueMessage message) {
    JsonNode tree = parse(message.body());
    List<Error> errors = schema().validate(tree);
    if (!errors.isEmpty()) {
      throw new UnreadableEventException("not a valid " + UserDeleted.TYPE + ": " + where(errors));
    }
    CloudEvent<UserDeleted> event;
    try {
      event = codec.decode(message.bodyText(), UserDeleted.EVENT_TYPE);
    } catch (IllegalArgumentException e) {
      throw new UnreadableEventException("not a valid " + UserDeleted.TYPE + " (codec)");
    }
    return toCommand(event);
  }

  private static EraseUserDataCommand toCommand(CloudEvent<UserDeleted> event) {
    UserDeleted data = event.data();
    if (!data.userId().equals(event.subject())) {
      throw new UnreadableEventException("event " + event.id() + ": subject is not data.userId");
    }
    if (!("/stride/" + data.homeRegion() + "/auth").equals(event.source())) {
      throw new UnreadableEventException(
          "event " + event.id() + ": source is not the auth function of data.homeRegion");
    }
    UserId userId;
    try {
      userId = new UserId(data.userId());
    } catch (IllegalArgumentException e) {
      // Profiles could never have stored such an id; a human should see why auth produced it.
      throw new UnreadableEventException("event " + event.id() + ": userId has a foreign form");
    }
    return new EraseUserDataCommand(event.id(), userId, RegionId.of(data.homeRegion()));
  }

  private static JsonNode parse(byte[] body) {
    try {
      JsonNode tree = JSON.readTree(body);
      if (tree == null || !tree.isObject()) {
        throw new UnreadableEventException("body is not a JSON object");
      }
      return tree;
    } catch (JacksonException e) {
      throw new UnreadableEventException("body is not JSON");
    }
  }

  /** Where and which rule failed, without the offending values. */
  private static String where(List<Error> errors) {
    return errors.stream()
        .map(e -> e.getInstanceLocation() + " " + e.getKeyword())
        .distinct()
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private Schema schema() {
    Schema compiled = schema;
    if (compiled == null) {
      synchronized (this) {
        compiled = schema;
        if (compiled == null) {
          compiled = compile();
          schema = compiled;
        }
      }
    }
    return compiled;
  }

  private static Schema compile() {
    String id = UserDeleted.SCHEMA.toString();
    String json = readResource(UserDeleted.SCHEMA_RESOURCE);
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_POINTER)
            .build();
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemas(Map.of(id, json)).schemaRegistryConfig(config));
    return registry.getSchema(SchemaLocation.of(id));
  }

  private static String readResource(String resource) {
    try (InputStream in = UserDeleted.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
