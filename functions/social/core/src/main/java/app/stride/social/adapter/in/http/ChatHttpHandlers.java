package app.stride.social.adapter.in.http;

import app.stride.core.function.ApiCall;
import app.stride.core.function.ApiFunction;
import app.stride.core.http.ApiResponse;
import app.stride.social.application.port.in.GroupChatUseCase;
import app.stride.social.application.port.in.GroupChatUseCase.ReadState;
import app.stride.social.application.port.in.GroupChatUseCase.Sent;
import app.stride.social.domain.MessageId;
import java.util.LinkedHashMap;
import java.util.Map;

/** A group's chat: send, history, edit, delete, read marker. */
public final class ChatHttpHandlers {
  private final GroupChatUseCase chat;

  public ChatHttpHandlers(GroupChatUseCase chat) {
    this.chat = chat;
  }

  /** Adds the handlers to a function builder. */
  public ApiFunction.Builder register(ApiFunction.Builder builder) {
    return builder
        .on("sendMessage", this::send)
        .on("listMessages", this::history)
        .on("editMessage", this::edit)
        .on("deleteMessage", this::delete)
        .on("markRead", this::markRead);
  }

  ApiResponse send(ApiCall call) {
    Sent sent =
        chat.send(
            call.caller(),
            Requests.groupId(call),
            call.body().path("text").asString(),
            call.body().path("clientMessageId").asString());
    return ApiResponse.json(sent.created() ? 201 : 200, SocialJson.message(sent.message()));
  }

  ApiResponse history(ApiCall call) {
    return ApiResponse.json(
        200,
        SocialJson.page(
            chat.history(
                call.caller(), Requests.groupId(call), Requests.limit(call), Requests.cursor(call)),
            SocialJson::message));
  }

  ApiResponse edit(ApiCall call) {
    return ApiResponse.json(
        200,
        SocialJson.message(
            chat.edit(
                call.caller(),
                Requests.groupId(call),
                Requests.messageId(call),
                call.body().path("text").asString())));
  }

  ApiResponse delete(ApiCall call) {
    chat.delete(call.caller(), Requests.groupId(call), Requests.messageId(call));
    return ApiResponse.empty(204);
  }

  ApiResponse markRead(ApiCall call) {
    ReadState state =
        chat.markRead(
            call.caller(),
            Requests.groupId(call),
            new MessageId(call.body().path("messageId").asString()));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("messageId", state.lastRead().value());
    json.put("unreadCount", state.unreadCount());
    return ApiResponse.json(200, json);
  }
}
