package app.stride.social.adapter.in.http;

import app.stride.core.function.ApiCall;
import app.stride.core.function.ApiFunction;
import app.stride.core.http.ApiResponse;
import app.stride.core.region.RegionId;
import app.stride.social.application.port.in.ManageGroupsUseCase;
import app.stride.social.application.port.in.ManageGroupsUseCase.GroupChanges;
import app.stride.social.application.port.in.ManageGroupsUseCase.NewGroup;
import app.stride.social.domain.Visibility;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The group operations: create, read, change, search, and the caller's groups. */
public final class GroupHttpHandlers {
  private final ManageGroupsUseCase groups;
  private final RegionId servingRegion;

  public GroupHttpHandlers(ManageGroupsUseCase groups, RegionId servingRegion) {
    this.groups = groups;
    this.servingRegion = servingRegion;
  }

  /** Adds the handlers to a function builder. */
  public ApiFunction.Builder register(ApiFunction.Builder builder) {
    return builder
        .on("createGroup", this::create)
        .on("getGroup", this::get)
        .on("updateGroup", this::update)
        .on("searchGroups", this::search)
        .on("listMyGroups", this::mine)
        .on("listMyGroupsInRegion", this::mineInRegion);
  }

  ApiResponse create(ApiCall call) {
    JsonNode body = call.body();
    NewGroup group =
        new NewGroup(
            body.path("name").asString(),
            Requests.text(body, "description"),
            body.path("sport").asString(),
            visibility(body.path("visibility").asString()),
            Requests.card(body));
    return ApiResponse.json(201, SocialJson.group(groups.create(call.caller(), group)));
  }

  ApiResponse get(ApiCall call) {
    return ApiResponse.json(
        200, SocialJson.group(groups.get(call.caller(), Requests.groupId(call))));
  }

  ApiResponse update(ApiCall call) {
    JsonNode body = call.body();
    GroupChanges changes =
        new GroupChanges(
            Requests.text(body, "name"),
            body.has("description")
                ? Optional.of(Requests.text(body, "description"))
                : Optional.empty(),
            Requests.text(body, "sport"),
            Requests.text(body, "visibility").map(GroupHttpHandlers::visibility));
    return ApiResponse.json(
        200, SocialJson.group(groups.update(call.caller(), Requests.groupId(call), changes)));
  }

  ApiResponse search(ApiCall call) {
    Requests.requireRegion(call, servingRegion);
    return ApiResponse.json(
        200,
        SocialJson.page(
            groups.search(
                call.caller(),
                Requests.requiredQuery(call, "q", 60),
                Requests.limit(call),
                Requests.cursor(call)),
            SocialJson::group));
  }

  ApiResponse mine(ApiCall call) {
    return ApiResponse.json(
        200,
        SocialJson.page(
            groups.myGroups(call.caller(), Requests.limit(call), Requests.cursor(call)),
            SocialJson::myGroup));
  }

  ApiResponse mineInRegion(ApiCall call) {
    Requests.requireRegion(call, servingRegion);
    return mine(call);
  }

  private static Visibility visibility(String value) {
    return Visibility.valueOf(value.toUpperCase(Locale.ROOT));
  }
}
