package app.stride.profiles.adapter.in.http;

import app.stride.core.function.ApiCall;
import app.stride.core.function.ApiFunction;
import app.stride.core.http.ApiResponse;
import app.stride.core.openapi.RequestValidator;
import app.stride.core.problem.FieldError;
import app.stride.core.problem.ProblemException;
import app.stride.profiles.application.port.in.ManageMyProfileUseCase;
import app.stride.profiles.application.port.in.ManageMyProfileUseCase.PutResult;
import app.stride.profiles.application.port.in.Precondition;
import app.stride.profiles.domain.Profile;
import app.stride.profiles.domain.ProfileDraft;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The four operations on {@code /v1/me/profile}, one method each. */
public final class ProfileHttpHandlers {
  /** Where the spec keeps the schema a merged patch must satisfy. */
  static final String PROFILE_INPUT_SCHEMA = "#/components/schemas/ProfileInput";

  private static final String LOCATION = "/v1/me/profile";

  private final ManageMyProfileUseCase profiles;
  private final RequestValidator validator;

  public ProfileHttpHandlers(ManageMyProfileUseCase profiles, RequestValidator validator) {
    this.profiles = profiles;
    this.validator = validator;
  }

  /** Adds the handlers to a function builder. */
  public ApiFunction.Builder register(ApiFunction.Builder builder) {
    return builder
        .on("getMyProfile", this::get)
        .on("putMyProfile", this::put)
        .on("patchMyProfile", this::patch)
        .on("deleteMyProfile", this::delete);
  }

  ApiResponse get(ApiCall call) {
    return ok(200, profiles.get(call.caller()));
  }

  ApiResponse put(ApiCall call) {
    PutResult result =
        profiles.put(call.caller(), ProfileJson.toDraft(call.body()), precondition(call));
    ApiResponse response = ok(result.created() ? 201 : 200, result.profile());
    return result.created() ? response.withHeader("Location", LOCATION) : response;
  }

  ApiResponse patch(ApiCall call) {
    JsonNode patch = call.body();
    Profile updated =
        profiles.update(call.caller(), draft -> merge(draft, patch), precondition(call));
    return ok(200, updated);
  }

  ApiResponse delete(ApiCall call) {
    profiles.delete(call.caller(), precondition(call));
    return ApiResponse.empty(204);
  }

  private ProfileDraft merge(ProfileDraft current, JsonNode patch) {
    JsonNode merged = JsonMergePatch.apply(ProfileJson.toInput(current), patch);
    List<FieldError> errors = validator.check(PROFILE_INPUT_SCHEMA, merged);
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return ProfileJson.toDraft(merged);
  }

  private static Precondition precondition(ApiCall call) {
    return EntityTags.parse(call.header("If-Match"), call.header("If-None-Match"));
  }

  private static ApiResponse ok(int status, Profile profile) {
    return ApiResponse.json(status, ProfileJson.toResource(profile))
        .withHeader("ETag", profile.etag())
        .withHeader("Cache-Control", "private, no-store");
  }
}
