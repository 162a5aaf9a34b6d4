package app.stride.social;

import static app.stride.social.SocialHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.http.ApiResponse;
import app.stride.social.application.port.out.MessageDeliveryPort.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A group's chat through the HTTP function, bad input and attacks included. */
class ChatHttpTest {
  private final SocialHarness api = new SocialHarness();
  private String group;

  @BeforeEach
  void aGroupOfAnaAndBo() {
    group = api.createGroup("ana@eu", "Lisbon Runners", "public");
    api.join("bo@us", group, "Bo");
  }

  @Test
  void send_storesTrimmedText_thenDeliversIt() {
    ApiResponse sent = api.post("bo@us", group, "  Who is in for Tuesday?  ", "client-0001");

    assertThat(sent.status()).isEqualTo(201);
    assertThat(json(sent).path("text").asString()).isEqualTo("Who is in for Tuesday?");
    assertThat(json(sent).path("authorId").asString()).isEqualTo("bo");
    assertThat(api.stores.messages).hasSize(1);
    assertThat(api.delivered)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.kind()).isEqualTo(Kind.SENT);
              assertThat(c.message().id().value())
                  .isEqualTo(json(sent).path("messageId").asString());
            });
  }

  @Test
  void retryWithTheSameClientMessageId_answersTheFirstMessage_andPostsNothingNew() {
    ApiResponse first = api.post("bo@us", group, "hello", "client-0001");
    ApiResponse retry = api.post("bo@us", group, "hello", "client-0001");

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(200);
    assertThat(json(retry).path("messageId")).isEqualTo(json(first).path("messageId"));
    assertThat(api.stores.messages).hasSize(1);
    assertThat(api.delivered).hasSize(1);
  }

  @Test
  void emptyOrOverlongMessages_are400OnText_andStoreNothing() {
    ApiResponse blank = api.post("bo@us", group, " \n\t ", "client-0001");
    ApiResponse overlong = api.post("bo@us", group, "x".repeat(2001), "client-0002");
    ApiResponse atLimit = api.post("bo@us", group, "😀".repeat(2000), "client-0003");

    for (ApiResponse refused : List.of(blank, overlong)) {
      assertThat(refused.status()).isEqualTo(400);
      assertThat(json(refused).path("errors").get(0).path("pointer").asString()).isEqualTo("/text");
    }
    assertThat(atLimit.status()).as("2,000 code points are allowed").isEqualTo(201);
    assertThat(api.stores.messages).hasSize(1);
  }

  @Test
  void removedMember_canNeitherPostNorRead() {
    api.send("DELETE", "/v1/groups/" + group + "/members/bo", "ana@eu", null);

    ApiResponse post = api.post("bo@us", group, "am I still in?", "client-0001");
    ApiResponse read = api.send("GET", "/v1/groups/" + group + "/messages", "bo@us", null);

    assertThat(post.status()).isEqualTo(403);
    assertThat(read.status()).isEqualTo(403);
    assertThat(api.stores.messages).isEmpty();
  }

  @Test
  void editingSomeoneElsesMessage_is403_andChangesNothing() {
    String id =
        json(api.post("ana@eu", group, "original", "client-0001")).path("messageId").asString();

    ApiResponse response = edit("bo@us", id, "hijacked");

    assertThat(response.status()).isEqualTo(403);
    assertThat(api.stores.messages.values().iterator().next().text()).contains("original");
  }

  @Test
  void editingAfter15Minutes_is403_within15MinutesWorks() {
    String id = json(api.post("bo@us", group, "helo", "client-0001")).path("messageId").asString();
    api.clock.advance(Duration.ofMinutes(15));
    ApiResponse inTime = edit("bo@us", id, "hello");
    api.clock.advance(Duration.ofSeconds(1));
    ApiResponse late = edit("bo@us", id, "hello again");

    assertThat(inTime.status()).isEqualTo(200);
    assertThat(json(inTime).path("editedAt").asString()).isNotEmpty();
    assertThat(late.status()).isEqualTo(403);
    assertThat(api.stores.messages.values().iterator().next().text()).contains("hello");
    assertThat(api.delivered).extracting(c -> c.kind()).containsExactly(Kind.SENT, Kind.EDITED);
  }

  @Test
  void delete_byAuthorOrOwner_leavesATombstone_anotherMemberIs403() {
    api.join("cy@eu", group, "Cy");
    String id = json(api.post("bo@us", group, "oops", "client-0001")).path("messageId").asString();

    assertThat(api.send("DELETE", messagePath(id), "cy@eu", null).status()).isEqualTo(403);
    assertThat(api.send("DELETE", messagePath(id), "ana@eu", null).status()).isEqualTo(204);
    assertThat(api.send("DELETE", messagePath(id), "bo@us", null).status()).isEqualTo(204);
    assertThat(edit("bo@us", id, "undo").status()).isEqualTo(409);

    JsonNode history = json(api.send("GET", "/v1/groups/" + group + "/messages", "cy@eu", null));
    assertThat(history.path("items").get(0).path("deleted").asBoolean()).isTrue();
    assertThat(history.path("items").get(0).has("text")).isFalse();
  }

  @Test
  void history_isNewestFirst_andStableWhileNewMessagesArrive() {
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      api.clock.advance(Duration.ofSeconds(1));
      sent.add(
          json(api.post("ana@eu", group, "m" + i, "client-000" + i)).path("messageId").asString());
    }

    JsonNode first = json(history(Map.of("limit", "2")));
    api.clock.advance(Duration.ofSeconds(1));
    api.post("bo@us", group, "late news", "client-0100");
    JsonNode second =
        json(history(Map.of("limit", "2", "cursor", first.path("nextCursor").asString())));
    JsonNode third =
        json(history(Map.of("limit", "2", "cursor", second.path("nextCursor").asString())));

    assertThat(ids(first)).containsExactly(sent.get(4), sent.get(3));
    assertThat(ids(second)).containsExactly(sent.get(2), sent.get(1));
    assertThat(ids(third)).containsExactly(sent.get(0));
    assertThat(third.has("nextCursor")).isFalse();
  }

  @Test
  void unreadCounts_followTheReadMarker_andShowInMyGroups() {
    String other = api.createGroup("ana@eu", "Alfama Walkers", "public");
    api.post("ana@eu", group, "one", "client-0001");
    String second =
        json(api.post("ana@eu", group, "two", "client-0002")).path("messageId").asString();
    api.post("ana@eu", group, "three", "client-0003");
    api.post("bo@us", group, "mine do not count", "client-0004");

    JsonNode before = json(api.send("GET", "/v1/regions/eu/me/groups", "bo@us", null));
    ApiResponse marked =
        api.send(
            "PUT",
            "/v1/groups/" + group + "/read-marker",
            "bo@us",
            "{\"messageId\":\"" + second + "\"}");
    JsonNode after = json(api.send("GET", "/v1/regions/eu/me/groups", "bo@us", null));
    JsonNode anas = json(api.send("GET", "/v1/me/groups", "ana@eu", null));

    assertThat(before.path("items")).hasSize(1);
    assertThat(before.path("items").get(0).path("unreadCount").asInt()).isEqualTo(3);
    assertThat(json(marked).path("unreadCount").asInt()).isEqualTo(1);
    assertThat(after.path("items").get(0).path("unreadCount").asInt()).isEqualTo(1);
    assertThat(anas.path("items")).hasSize(2);
    assertThat(anas.findValuesAsString("groupId")).contains(group, other);
  }

  @Test
  void readMarker_neverMovesBack() {
    String first =
        json(api.post("ana@eu", group, "one", "client-0001")).path("messageId").asString();
    String second =
        json(api.post("ana@eu", group, "two", "client-0002")).path("messageId").asString();
    markRead(second);

    ApiResponse back = markRead(first);

    assertThat(json(back).path("messageId").asString()).isEqualTo(second);
    assertThat(json(back).path("unreadCount").asInt()).isZero();
  }

  @Test
  void aFailingDelivery_neverFailsTheSend() {
    SocialHarness failing =
        new SocialHarness(
            change -> {
              throw new IllegalStateException("socket gone");
            });
    String g = failing.createGroup("ana@eu", "Lisbon Runners", "public");
    ApiResponse ok = failing.post("ana@eu", g, "hi", "client-0001");

    assertThat(ok.status()).isEqualTo(201);
    assertThat(failing.stores.messages).hasSize(1);
  }

  private ApiResponse markRead(String id) {
    return api.send(
        "PUT", "/v1/groups/" + group + "/read-marker", "bo@us", "{\"messageId\":\"" + id + "\"}");
  }

  private ApiResponse history(Map<String, String> query) {
    return api.send("GET", "/v1/groups/" + group + "/messages", "bo@us", null, query);
  }

  private static List<String> ids(JsonNode page) {
    return page.path("items").findValuesAsString("messageId");
  }

  private String messagePath(String id) {
    return "/v1/groups/" + group + "/messages/" + id;
  }

  private ApiResponse edit(String caller, String id, String text) {
    return api.send("PATCH", messagePath(id), caller, "{\"text\":\"" + text + "\"}");
  }
}
