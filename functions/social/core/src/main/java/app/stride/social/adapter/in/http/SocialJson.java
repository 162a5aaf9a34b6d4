package app.stride.social.adapter.in.http;

import app.stride.core.store.Page;
import app.stride.social.application.port.in.GroupMembershipUseCase.MemberView;
import app.stride.social.application.port.in.ManageGroupsUseCase.GroupView;
import app.stride.social.application.port.in.ManageGroupsUseCase.MyGroup;
import app.stride.social.domain.Group;
import app.stride.social.domain.JoinRequest;
import app.stride.social.domain.Message;
import app.stride.social.domain.PublicCard;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The API's JSON shapes of the social resources (schemas in {@code mobile-api.yaml}); the real-time
 * frames carry the same {@link #message} shape.
 */
public final class SocialJson {
  private SocialJson() {}

  static Map<String, Object> group(Group group) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("groupId", group.id().value());
    json.put("region", group.id().region());
    json.put("name", group.name());
    group.description().ifPresent(d -> json.put("description", d));
    json.put("sport", group.sport());
    json.put("visibility", lower(group.visibility()));
    json.put("ownerId", group.ownerId().value());
    json.put("memberCount", group.memberCount());
    json.put("createdAt", group.createdAt().toString());
    json.put("updatedAt", group.updatedAt().toString());
    json.put("version", group.version());
    return json;
  }

  static Map<String, Object> group(GroupView view) {
    Map<String, Object> json = group(view.group());
    view.myRole().ifPresent(r -> json.put("myRole", lower(r)));
    return json;
  }

  static Map<String, Object> myGroup(MyGroup mine) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("groupId", mine.group().id().value());
    json.put("name", mine.group().name());
    json.put("sport", mine.group().sport());
    json.put("visibility", lower(mine.group().visibility()));
    json.put("role", lower(mine.role()));
    json.put("unreadCount", mine.unreadCount());
    return json;
  }

  static Map<String, Object> member(MemberView member) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("userId", member.membership().userId().value());
    json.put("role", lower(member.role()));
    json.put("card", card(member.membership().card()));
    json.put("joinedAt", member.membership().joinedAt().toString());
    return json;
  }

  static Map<String, Object> request(JoinRequest request) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("userId", request.userId().value());
    json.put("card", card(request.card()));
    json.put("requestedAt", request.requestedAt().toString());
    return json;
  }

  /** A message as the API's {@code Message} schema (a tombstone has no {@code text}). */
  public static Map<String, Object> message(Message message) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("messageId", message.id().value());
    json.put("groupId", message.groupId().value());
    json.put("authorId", message.authorId().value());
    message.text().ifPresent(t -> json.put("text", t));
    json.put("sentAt", message.sentAt().toString());
    message.editedAt().ifPresent(e -> json.put("editedAt", e.toString()));
    json.put("deleted", message.deleted());
    json.put("clientMessageId", message.clientMessageId());
    return json;
  }

  static <T> Map<String, Object> page(Page<T> page, Function<T, Map<String, Object>> item) {
    Map<String, Object> json = new LinkedHashMap<>();
    List<Map<String, Object>> items = page.items().stream().map(item).toList();
    json.put("items", items);
    page.nextCursor().ifPresent(c -> json.put("nextCursor", c));
    return json;
  }

  private static Map<String, Object> card(PublicCard card) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("displayName", card.displayName());
    card.avatarRef().ifPresent(a -> json.put("avatarRef", a));
    return json;
  }

  static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
