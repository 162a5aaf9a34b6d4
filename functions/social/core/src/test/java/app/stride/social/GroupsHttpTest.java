package app.stride.social;

import static app.stride.social.SocialHarness.json;
import static app.stride.social.SocialHarness.problemType;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.http.ApiResponse;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.GroupRole;
import app.stride.social.domain.Membership;
import app.stride.social.domain.PublicCard;
import app.stride.social.domain.UserId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Groups, membership and moderation through the HTTP function, bad input and attacks included. */
class GroupsHttpTest {
  private final SocialHarness api = new SocialHarness();

  @Test
  void create_livesInTheCreatorsRegion_withTheCreatorAsOnlyOwner() {
    ApiResponse created =
        api.send(
            "POST",
            "/v1/groups",
            "ana@eu",
            "{\"name\":\" Lisbon Sunrise Runners \",\"sport\":\"running\",\"visibility\":\"public\","
                + "\"card\":{\"displayName\":\"Ana\"}}");

    JsonNode group = json(created);
    assertThat(created.status()).isEqualTo(201);
    assertThat(group.path("groupId").asString()).startsWith("eu.g");
    assertThat(group.path("name").asString()).isEqualTo("Lisbon Sunrise Runners");
    assertThat(group.path("ownerId").asString()).isEqualTo("ana");
    assertThat(group.path("memberCount").asInt()).isEqualTo(1);
    assertThat(group.path("myRole").asString()).isEqualTo("owner");
  }

  @Test
  void create_byAUserHomedElsewhere_is421_namingTheirHome() {
    ApiResponse response =
        api.send(
            "POST",
            "/v1/groups",
            "bo@us",
            "{\"name\":\"NYC\",\"sport\":\"running\",\"visibility\":\"public\","
                + "\"card\":{\"displayName\":\"Bo\"}}");

    assertThat(response.status()).isEqualTo(421);
    assertThat(json(response).path("homeRegion").asString()).isEqualTo("us");
    assertThat(api.stores.groups).isEmpty();
  }

  @Test
  void memberFromAnotherRegion_joinsAPublicGroup_andOnlyTheirPublicCardIsStored() {
    String group = api.createGroup("ana@eu", "Lisbon Runners", "public");
    api.clock.advance(Duration.ofMinutes(1));

    ApiResponse joined = api.join("bo@apac", group, "Bo Chen");

    assertThat(joined.status()).isEqualTo(201);
    Membership stored = api.stores.load(new GroupId(group), new UserId("bo")).orElseThrow();
    assertThat(stored)
        .isEqualTo(
            new Membership(
                new GroupId(group),
                new UserId("bo"),
                GroupRole.MEMBER,
                new PublicCard("Bo Chen", Optional.of("avatars/x.webp")),
                api.clock.instant(),
                Optional.empty(),
                1));
    assertThat(Membership.class.getRecordComponents())
        .extracting(c -> c.getName())
        .containsExactly(
            "groupId", "userId", "storedRole", "card", "joinedAt", "lastRead", "version");
    assertThat(
            json(api.send("GET", "/v1/groups/" + group, "bo@apac", null))
                .path("memberCount")
                .asInt())
        .isEqualTo(2);
  }

  @Test
  void joiningAPrivateGroupWithoutAnInvite_onlyFilesARequest_andReadsNothing() {
    String group = api.createGroup("ana@eu", "Secret Yoga", "private");

    ApiResponse asked = api.join("eve@eu", group, "Eve");

    assertThat(asked.status()).isEqualTo(202);
    assertThat(api.stores.load(new GroupId(group), new UserId("eve"))).isEmpty();
    assertThat(api.send("GET", "/v1/groups/" + group, "eve@eu", null).status()).isEqualTo(404);
    assertThat(api.post("eve@eu", group, "hi", "client-0001").status()).isEqualTo(404);
    assertThat(api.send("GET", "/v1/groups/" + group + "/messages", "eve@eu", null).status())
        .isEqualTo(404);
  }

  @Test
  void joinRequest_approvedByAnAdmin_makesAMember_declinedDropsIt() {
    String group = api.createGroup("ana@eu", "Secret Yoga", "private");
    api.join("eve@eu", group, "Eve");
    api.join("max@us", group, "Max");

    ApiResponse approved =
        api.send(
            "PUT",
            "/v1/groups/" + group + "/join-requests/eve",
            "ana@eu",
            "{\"decision\":\"approve\"}");
    ApiResponse declined =
        api.send(
            "PUT",
            "/v1/groups/" + group + "/join-requests/max",
            "ana@eu",
            "{\"decision\":\"decline\"}");
    ApiResponse byMember =
        api.send(
            "PUT",
            "/v1/groups/" + group + "/join-requests/max",
            "eve@eu",
            "{\"decision\":\"approve\"}");

    assertThat(approved.status()).isEqualTo(200);
    assertThat(json(approved).path("card").path("displayName").asString()).isEqualTo("Eve");
    assertThat(declined.status()).isEqualTo(204);
    assertThat(byMember.status()).isEqualTo(403);
    assertThat(api.stores.requests).isEmpty();
    assertThat(api.stores.load(new GroupId(group), new UserId("max"))).isEmpty();
  }

  @Test
  void invite_admitsIntoAPrivateGroup_fromAnyRegion_untilUsedUp() {
    String group = api.createGroup("ana@eu", "Secret Yoga", "private");
    ApiResponse created =
        api.send(
            "POST",
            "/v1/groups/" + group + "/invites",
            "ana@eu",
            "{\"expiresInHours\":24,\"maxUses\":1}");
    String token = json(created).path("token").asString();

    ApiResponse first = accept(token, "bo@us");
    ApiResponse again = accept(token, "bo@us");
    ApiResponse usedUp = accept(token, "cy@apac");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Cache-Control")).isEqualTo("no-store");
    assertThat(token).startsWith("eu.");
    assertThat(api.stores.invites.values())
        .singleElement()
        .satisfies(i -> assertThat(i.tokenHash()).doesNotContain(token.substring(3)));
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(usedUp.status()).isEqualTo(404);
    assertThat(api.stores.load(new GroupId(group), new UserId("cy"))).isEmpty();
  }

  @Test
  void expiredOrForgedInvite_is404_andChangesNothing() {
    String group = api.createGroup("ana@eu", "Secret Yoga", "private");
    String token =
        json(api.send(
                "POST",
                "/v1/groups/" + group + "/invites",
                "ana@eu",
                "{\"expiresInHours\":1,\"maxUses\":5}"))
            .path("token")
            .asString();
    api.clock.advance(Duration.ofMinutes(61));

    assertThat(accept(token, "bo@eu").status()).isEqualTo(404);
    assertThat(accept("eu.forgedforgedforgedforged", "bo@eu").status()).isEqualTo(404);
    assertThat(accept("not-a-token", "bo@eu").status()).isEqualTo(404);
    assertThat(api.stores.invites.values().iterator().next().uses()).isZero();
    assertThat(api.stores.load(new GroupId(group), new UserId("bo"))).isEmpty();
  }

  @Test
  void bannedUser_cannotRejoin_askAgain_orUseAnInvite() {
    String group = api.createGroup("ana@eu", "Lisbon Runners", "public");
    api.join("eve@eu", group, "Eve");
    String token =
        json(api.send(
                "POST",
                "/v1/groups/" + group + "/invites",
                "ana@eu",
                "{\"expiresInHours\":24,\"maxUses\":5}"))
            .path("token")
            .asString();

    assertThat(api.send("PUT", "/v1/groups/" + group + "/bans/eve", "ana@eu", null).status())
        .isEqualTo(204);

    assertThat(api.join("eve@eu", group, "Eve").status()).isEqualTo(403);
    assertThat(accept(token, "eve@eu").status()).isEqualTo(403);
    assertThat(api.post("eve@eu", group, "still here?", "client-0002").status()).isEqualTo(403);
    assertThat(
            json(api.send("GET", "/v1/groups/" + group, "ana@eu", null))
                .path("memberCount")
                .asInt())
        .isEqualTo(1);
  }

  @Test
  void memberPromotingThemselves_is403_andAdminsCannotPromoteEither() {
    String group = api.createGroup("ana@eu", "Lisbon Runners", "public");
    api.join("bo@eu", group, "Bo");
    api.join("cy@eu", group, "Cy");
    api.send("PATCH", "/v1/groups/" + group + "/members/cy", "ana@eu", "{\"role\":\"admin\"}");

    ApiResponse self =
        api.send("PATCH", "/v1/groups/" + group + "/members/bo", "bo@eu", "{\"role\":\"admin\"}");
    ApiResponse byAdmin =
        api.send("PATCH", "/v1/groups/" + group + "/members/bo", "cy@eu", "{\"role\":\"admin\"}");
    ApiResponse ownerSelf =
        api.send(
            "PATCH", "/v1/groups/" + group + "/members/ana", "ana@eu", "{\"role\":\"member\"}");

    assertThat(self.status()).isEqualTo(403);
    assertThat(problemType(self)).endsWith("/forbidden");
    assertThat(byAdmin.status()).isEqualTo(403);
    assertThat(ownerSelf.status()).isEqualTo(403);
    assertThat(api.stores.load(new GroupId(group), new UserId("bo")).orElseThrow().storedRole())
        .isEqualTo(GroupRole.MEMBER);
  }

  @Test
  void lastOwnerLeaving_is409_untilOwnershipIsTransferred() {
    String group = api.createGroup("ana@eu", "Lisbon Runners", "public");
    api.join("bo@us", group, "Bo");

    ApiResponse refused = api.send("POST", "/v1/groups/" + group + "/leave", "ana@eu", null);
    ApiResponse transferred =
        api.send("POST", "/v1/groups/" + group + "/ownership", "ana@eu", "{\"userId\":\"bo\"}");
    ApiResponse left = api.send("POST", "/v1/groups/" + group + "/leave", "ana@eu", null);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(transferred.status()).isEqualTo(200);
    assertThat(json(transferred).path("ownerId").asString()).isEqualTo("bo");
    assertThat(left.status()).isEqualTo(204);
    JsonNode after = json(api.send("GET", "/v1/groups/" + group, "bo@us", null));
    assertThat(after.path("memberCount").asInt()).isEqualTo(1);
    assertThat(after.path("myRole").asString()).isEqualTo("owner");
  }

  @Test
  void transferToANonMember_is404_andTheOwnerStays() {
    String group = api.createGroup("ana@eu", "Lisbon Runners", "public");

    ApiResponse response =
        api.send("POST", "/v1/groups/" + group + "/ownership", "ana@eu", "{\"userId\":\"zed\"}");

    assertThat(response.status()).isEqualTo(404);
    assertThat(api.stores.groups.get(new GroupId(group)).ownerId()).isEqualTo(new UserId("ana"));
  }

  @Test
  void adminRemovesAMember_butNotAnotherAdminOrTheOwner() {
    String group = api.createGroup("ana@eu", "Lisbon Runners", "public");
    api.join("bo@eu", group, "Bo");
    api.join("cy@eu", group, "Cy");
    api.join("di@eu", group, "Di");
    api.send("PATCH", "/v1/groups/" + group + "/members/cy", "ana@eu", "{\"role\":\"admin\"}");
    api.send("PATCH", "/v1/groups/" + group + "/members/di", "ana@eu", "{\"role\":\"admin\"}");

    assertThat(api.send("DELETE", "/v1/groups/" + group + "/members/bo", "cy@eu", null).status())
        .isEqualTo(204);
    assertThat(api.send("DELETE", "/v1/groups/" + group + "/members/di", "cy@eu", null).status())
        .isEqualTo(403);
    assertThat(api.send("DELETE", "/v1/groups/" + group + "/members/ana", "cy@eu", null).status())
        .isEqualTo(403);
    assertThat(api.send("DELETE", "/v1/groups/" + group + "/members/cy", "bo@eu", null).status())
        .isEqualTo(403);
    assertThat(
            json(api.send("GET", "/v1/groups/" + group, "ana@eu", null))
                .path("memberCount")
                .asInt())
        .isEqualTo(3);
  }

  @Test
  void update_byAPlainMember_is403_byAnAdmin_changesIt() {
    String group = api.createGroup("ana@eu", "Lisbon Runners", "public");
    api.join("bo@eu", group, "Bo");

    ApiResponse refused =
        api.send("PATCH", "/v1/groups/" + group, "bo@eu", "{\"name\":\"Bo's group\"}");
    ApiResponse changed =
        api.send(
            "PATCH",
            "/v1/groups/" + group,
            "ana@eu",
            "{\"name\":\"Lisbon Night Runners\",\"description\":null,\"visibility\":\"private\"}");

    assertThat(refused.status()).isEqualTo(403);
    assertThat(changed.status()).isEqualTo(200);
    assertThat(json(changed).path("name").asString()).isEqualTo("Lisbon Night Runners");
    assertThat(json(changed).path("visibility").asString()).isEqualTo("private");
    assertThat(json(changed).path("version").asInt()).as("created, joined, changed").isEqualTo(3);
  }

  @Test
  void search_isCaseAndAccentInsensitive_publicOnly_andPaged() {
    api.createGroup("ana@eu", "São Paulo Runners", "public");
    api.createGroup("ana@eu", "Sao Tomé Swimmers", "public");
    api.createGroup("ana@eu", "SAO secret", "private");

    ApiResponse first =
        api.send("GET", "/v1/regions/eu/groups", "bo@us", null, Map.of("q", "SÃO", "limit", "1"));
    String cursor = json(first).path("nextCursor").asString();
    ApiResponse second =
        api.send(
            "GET", "/v1/regions/eu/groups", "bo@us", null, Map.of("q", "SÃO", "cursor", cursor));

    assertThat(json(first).path("items").get(0).path("name").asString())
        .isEqualTo("São Paulo Runners");
    assertThat(json(second).path("items")).hasSize(1);
    assertThat(json(second).path("items").get(0).path("name").asString())
        .isEqualTo("Sao Tomé Swimmers");
    assertThat(json(second).has("nextCursor")).isFalse();
  }

  @Test
  void search_ofAnotherRegion_is421_andAForeignCursorIs400() {
    api.createGroup("ana@eu", "Alfama Runners", "public");
    api.createGroup("ana@eu", "Alfama Walkers", "public");
    String cursor =
        json(api.send(
                "GET",
                "/v1/regions/eu/groups",
                "ana@eu",
                null,
                Map.of("q", "alfama", "limit", "1")))
            .path("nextCursor")
            .asString();

    ApiResponse elsewhere =
        api.send("GET", "/v1/regions/us/groups", "ana@eu", null, Map.of("q", "alfama"));
    ApiResponse replayed =
        api.send(
            "GET",
            "/v1/regions/eu/groups",
            "ana@eu",
            null,
            Map.of("q", "lisbon", "cursor", cursor));

    assertThat(elsewhere.status()).isEqualTo(421);
    assertThat(json(elsewhere).path("homeRegion").asString()).isEqualTo("us");
    assertThat(replayed.status()).isEqualTo(400);
  }

  @Test
  void groupOfAnotherRegion_is421_namingIt() {
    ApiResponse response =
        api.send("GET", "/v1/groups/us.g0123456789abcdefghjkmnpqrs", "ana@eu", null);

    assertThat(response.status()).isEqualTo(421);
    assertThat(json(response).path("homeRegion").asString()).isEqualTo("us");
  }

  @Test
  void malformedIds_andMissingTokens_areRefused() {
    assertThat(api.send("GET", "/v1/groups/not-a-group", "ana@eu", null).status()).isEqualTo(404);
    assertThat(api.send("GET", "/v1/groups/eu.g0123456789abcdefghjkmnpqrs", null, null).status())
        .isEqualTo(401);
    assertThat(
            api.send(
                    "POST",
                    "/v1/groups",
                    "ana@eu",
                    "{\"name\":\"x\",\"sport\":\"running\",\"visibility\":\"public\",\"card\":{\"displayName\":\"A\"}}")
                .status())
        .isEqualTo(400);
    assertThat(
            api.send(
                    "POST",
                    "/v1/groups",
                    "ana@eu",
                    "{\"name\":\"Good name\",\"sport\":\"running\",\"visibility\":\"public\","
                        + "\"card\":{\"displayName\":\"A\",\"email\":\"a@b.co\"}}")
                .status())
        .as("nothing but the public card is accepted")
        .isEqualTo(400);
  }

  private ApiResponse accept(String token, String caller) {
    return api.send(
        "POST",
        "/v1/invites/" + token + "/accept",
        caller,
        "{\"card\":{\"displayName\":\"" + caller + "\"}}");
  }
}
