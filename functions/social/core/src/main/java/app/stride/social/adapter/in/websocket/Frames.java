package app.stride.social.adapter.in.websocket;

import app.stride.core.json.Json;
import app.stride.social.adapter.in.http.SocialJson;
import app.stride.social.application.port.in.RealtimeUseCase.Command;
import app.stride.social.application.port.in.RealtimeUseCase.Error;
import app.stride.social.application.port.in.RealtimeUseCase.Ping;
import app.stride.social.application.port.in.RealtimeUseCase.RealtimeRefusal;
import app.stride.social.application.port.in.RealtimeUseCase.Subscribe;
import app.stride.social.application.port.in.RealtimeUseCase.Unsubscribe;
import app.stride.social.application.port.out.MessageDeliveryPort.ChatChange;
import app.stride.social.domain.GroupId;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The frames of the chat channel ({@code docs/chat.md}): JSON text frames with a {@code type}.
 * Client frames: {@code subscribe} and {@code unsubscribe} (with {@code groupId}) and {@code ping},
 * each with an optional {@code id} echoed in the answer. Server frames: {@code subscribed}, {@code
 * unsubscribed}, {@code pong}, {@code message.sent}, {@code message.edited}, {@code
 * message.deleted} (a tombstone) and {@code error} (with a stable {@code error} code).
 */
public final class Frames {
  /** The largest client frame read, in UTF-8 bytes. */
  public static final int MAX_CLIENT_FRAME_BYTES = 4096;

  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private Frames() {}

  /**
   * A client frame as read: its correlation id when readable, and either its command or why it
   * cannot be carried out.
   */
  public record Request(
      Optional<String> id, Optional<Command> command, Optional<RealtimeRefusal> invalid) {}

  /** Reads a client frame. */
  public static Request read(String text) {
    if (text.length() > MAX_CLIENT_FRAME_BYTES
        || text.getBytes(StandardCharsets.UTF_8).length > MAX_CLIENT_FRAME_BYTES) {
      return invalid(
          Optional.empty(),
          Error.FRAME_TOO_LARGE,
          "A frame holds at most " + MAX_CLIENT_FRAME_BYTES + " bytes.");
    }
    JsonNode node;
    try {
      node = Json.mapper().readTree(text);
    } catch (JacksonException e) {
      return invalid(Optional.empty(), Error.INVALID_FRAME, "A frame is one JSON object.");
    }
    if (node == null || !node.isObject()) {
      return invalid(Optional.empty(), Error.INVALID_FRAME, "A frame is one JSON object.");
    }
    Optional<String> id =
        Optional.of(node.path("id").asString(""))
            .filter(v -> !v.isEmpty() && CLIENT_ID.matcher(v).matches());
    if (node.has("id") && id.isEmpty()) {
      return invalid(
          Optional.empty(), Error.INVALID_FRAME, "id is 1 to 64 letters, digits or ._:-");
    }
    String type = node.path("type").asString("");
    return switch (type) {
      case "ping" -> command(id, new Ping());
      case "subscribe", "unsubscribe" -> {
        String group = node.path("groupId").asString("");
        if (!GroupId.isValid(group)) {
          yield invalid(id, Error.INVALID_FRAME, "groupId must be a group id.");
        }
        GroupId groupId = new GroupId(group);
        yield command(
            id, type.equals("subscribe") ? new Subscribe(groupId) : new Unsubscribe(groupId));
      }
      case "" -> invalid(id, Error.INVALID_FRAME, "A frame needs a type.");
      default -> invalid(id, Error.UNKNOWN_TYPE, "Unknown frame type.");
    };
  }

  /** The answer to a carried-out command. */
  public static String answer(Optional<String> id, Command command) {
    Map<String, Object> frame = new LinkedHashMap<>();
    if (command instanceof Subscribe subscribe) {
      frame.put("type", "subscribed");
      frame.put("groupId", subscribe.group().value());
    } else if (command instanceof Unsubscribe unsubscribe) {
      frame.put("type", "unsubscribed");
      frame.put("groupId", unsubscribe.group().value());
    } else {
      frame.put("type", "pong");
    }
    id.ifPresent(v -> frame.put("id", v));
    return write(frame);
  }

  /** The {@code error} frame of a refusal. */
  public static String error(Optional<String> id, Optional<Command> command, RealtimeRefusal e) {
    Map<String, Object> frame = new LinkedHashMap<>();
    frame.put("type", "error");
    frame.put("error", e.error().code());
    frame.put("detail", e.getMessage());
    id.ifPresent(v -> frame.put("id", v));
    command.ifPresent(
        c -> {
          if (c instanceof Subscribe s) {
            frame.put("groupId", s.group().value());
          } else if (c instanceof Unsubscribe u) {
            frame.put("groupId", u.group().value());
          }
        });
    e.region().ifPresent(r -> frame.put("region", r));
    e.retryAfterSeconds().ifPresent(s -> frame.put("retryAfterSeconds", s));
    return write(frame);
  }

  /** The frame of a stored chat change: {@code message.sent|edited|deleted}. */
  public static String change(ChatChange change) {
    Map<String, Object> frame = new LinkedHashMap<>();
    frame.put("type", "message." + change.kind().name().toLowerCase(Locale.ROOT));
    frame.put("groupId", change.message().groupId().value());
    frame.put("message", SocialJson.message(change.message()));
    return write(frame);
  }

  private static Request command(Optional<String> id, Command command) {
    return new Request(id, Optional.of(command), Optional.empty());
  }

  private static Request invalid(Optional<String> id, Error error, String detail) {
    return new Request(id, Optional.empty(), Optional.of(new RealtimeRefusal(error, detail)));
  }

  private static String write(Map<String, Object> frame) {
    return new String(Json.toBytes(frame), StandardCharsets.UTF_8);
  }
}
