package app.stride.events.user.v1;

import app.stride.events.CloudEvent;
import app.stride.events.EventCodec;
import app.stride.events.UnreadableEventException;
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
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The strict reader every data eraser uses for {@value UserDeleted#TYPE}: the body must be the
 * structured-mode CloudEvent JSON, valid against the type's JSON Schema (formats asserted, no
 * unknown payload field), with {@code subject} equal to {@code data.userId} and {@code source} the
 * auth function of {@code data.homeRegion}. {@link EventCodec} alone is a tolerant reader, so the
 * schema is checked first: an eraser deletes data, and acts only on an event that is exactly what
 * the contract says. The schema is compiled on the first message, not at start-up. Thread-safe.
 */
public final class UserDeletedReader {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final EventCodec codec = new EventCodec();
  private volatile Schema schema;

  /**
   * The event in {@code body}.
   *
   * @throws UnreadableEventException when the body is not a valid event of this type; its message
   *     never quotes the body
   */
  public CloudEvent<UserDeleted> read(byte[] body) {
    JsonNode tree = parse(body);
    List<Error> errors = schema().validate(tree);
    if (!errors.isEmpty()) {
      throw new UnreadableEventException("not a valid " + UserDeleted.TYPE + ": " + where(errors));
    }
    CloudEvent<UserDeleted> event;
    try {
      event = codec.decode(new String(body, StandardCharsets.UTF_8), UserDeleted.EVENT_TYPE);
    } catch (IllegalArgumentException e) {
      throw new UnreadableEventException("not a valid " + UserDeleted.TYPE + " (codec)");
    }
    UserDeleted data = event.data();
    if (!data.userId().equals(event.subject())) {
      throw new UnreadableEventException("event " + event.id() + ": subject is not data.userId");
    }
    if (!("/stride/" + data.homeRegion() + "/auth").equals(event.source())) {
      throw new UnreadableEventException(
          "event " + event.id() + ": source is not the auth function of data.homeRegion");
    }
    return event;
  }

  /**
   * The erasure the event in {@code body} asks for, its user id turned into a capability's own form
   * by {@code userIds}.
   *
   * @param userIds the capability's user id constructor; it throws {@link IllegalArgumentException}
   *     for an id the capability could never have stored
   * @throws UnreadableEventException when the body is not a valid event of this type, or its user
   *     id is refused by {@code userIds} (a human should see why auth produced it)
   */
  public <U> UserErasure<U> readErasure(byte[] body, Function<String, ? extends U> userIds) {
    CloudEvent<UserDeleted> event = read(body);
    U userId;
    try {
      userId = userIds.apply(event.data().userId());
    } catch (IllegalArgumentException e) {
      throw new UnreadableEventException("event " + event.id() + ": userId has a foreign form");
    }
    return new UserErasure<>(event.id(), userId, event.data().homeRegion());
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
