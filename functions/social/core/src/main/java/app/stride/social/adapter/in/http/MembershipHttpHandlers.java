package app.stride.social.adapter.in.http;

import app.stride.core.function.ApiCall;
import app.stride.core.function.ApiFunction;
import app.stride.core.http.ApiResponse;
import app.stride.social.application.port.in.GroupMembershipUseCase;
import app.stride.social.application.port.in.GroupMembershipUseCase.CreatedInvite;
import app.stride.social.application.port.in.GroupMembershipUseCase.JoinOutcome;
import app.stride.social.domain.GroupRole;
import app.stride.social.domain.UserId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Membership and moderation: joining, requests, invites, roles, leaving, removal, bans. */
public final class MembershipHttpHandlers {
  private final GroupMembershipUseCase membership;

  public MembershipHttpHandlers(GroupMembershipUseCase membership) {
    this.membership = membership;
  }

  /** Adds the handlers to a function builder. */
  public ApiFunction.Builder register(ApiFunction.Builder builder) {
    return builder
        .on("joinGroup", this::join)
        .on("listMembers", this::members)
        .on("changeMemberRole", this::changeRole)
        .on("removeMember", this::remove)
        .on("leaveGroup", this::leave)
        .on("banMember", this::ban)
        .on("transferOwnership", this::transfer)
        .on("listJoinRequests", this::requests)
        .on("decideJoinRequest", this::decide)
        .on("createInvite", this::invite)
        .on("acceptInvite", this::accept);
  }

  ApiResponse join(ApiCall call) {
    JoinOutcome outcome =
        membership.join(call.caller(), Requests.groupId(call), Requests.card(call.body()));
    if (outcome.request().isPresent()) {
      return ApiResponse.json(202, SocialJson.request(outcome.request().get()));
    }
    return ApiResponse.json(201, SocialJson.member(outcome.member().orElseThrow()));
  }

  ApiResponse members(ApiCall call) {
    return ApiResponse.json(
        200,
        SocialJson.page(
            membership.members(
                call.caller(), Requests.groupId(call), Requests.limit(call), Requests.cursor(call)),
            SocialJson::member));
  }

  ApiResponse changeRole(ApiCall call) {
    GroupRole role =
        GroupRole.valueOf(call.body().path("role").asString().toUpperCase(Locale.ROOT));
    return ApiResponse.json(
        200,
        SocialJson.member(
            membership.changeRole(
                call.caller(), Requests.groupId(call), Requests.userId(call), role)));
  }

  ApiResponse remove(ApiCall call) {
    membership.remove(call.caller(), Requests.groupId(call), Requests.userId(call));
    return ApiResponse.empty(204);
  }

  ApiResponse leave(ApiCall call) {
    membership.leave(call.caller(), Requests.groupId(call));
    return ApiResponse.empty(204);
  }

  ApiResponse ban(ApiCall call) {
    membership.ban(call.caller(), Requests.groupId(call), Requests.userId(call));
    return ApiResponse.empty(204);
  }

  ApiResponse transfer(ApiCall call) {
    UserId newOwner = new UserId(call.body().path("userId").asString());
    return ApiResponse.json(
        200,
        SocialJson.group(membership.transfer(call.caller(), Requests.groupId(call), newOwner)));
  }

  ApiResponse requests(ApiCall call) {
    return ApiResponse.json(
        200,
        SocialJson.page(
            membership.requests(
                call.caller(), Requests.groupId(call), Requests.limit(call), Requests.cursor(call)),
            SocialJson::request));
  }

  ApiResponse decide(ApiCall call) {
    boolean approve = call.body().path("decision").asString().equals("approve");
    return membership
        .decide(call.caller(), Requests.groupId(call), Requests.userId(call), approve)
        .map(member -> ApiResponse.json(200, SocialJson.member(member)))
        .orElseGet(() -> ApiResponse.empty(204));
  }

  ApiResponse invite(ApiCall call) {
    CreatedInvite created =
        membership.invite(
            call.caller(),
            Requests.groupId(call),
            Duration.ofHours(call.body().path("expiresInHours").asInt()),
            call.body().path("maxUses").asInt());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("token", created.token());
    json.put("groupId", created.invite().groupId().value());
    json.put("expiresAt", created.invite().expiresAt().toString());
    json.put("maxUses", created.invite().maxUses());
    return ApiResponse.json(201, json).withHeader("Cache-Control", "no-store");
  }

  ApiResponse accept(ApiCall call) {
    JoinOutcome outcome =
        membership.accept(call.caller(), Requests.inviteToken(call), Requests.card(call.body()));
    return ApiResponse.json(
        outcome.alreadyMember() ? 200 : 201, SocialJson.member(outcome.member().orElseThrow()));
  }
}
