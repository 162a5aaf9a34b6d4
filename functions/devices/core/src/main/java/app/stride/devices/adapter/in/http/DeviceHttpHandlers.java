package app.stride.devices.adapter.in.http;

import app.stride.core.auth.Principal;
import app.stride.core.function.ApiCall;
import app.stride.core.function.ApiFunction;
import app.stride.core.http.ApiResponse;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.devices.application.service.ActivityQueries;
import app.stride.devices.application.service.ImportService;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.ActivityId;
import app.stride.devices.domain.ImportId;
import app.stride.devices.domain.ImportJob;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;

/** The operations on {@code /v1/activities/imports} and {@code /v1/activities/{activityId}}. */
public final class DeviceHttpHandlers {
  private static final String IMPORTS = "/v1/activities/imports";

  private final ImportService imports;
  private final ActivityQueries activities;

  public DeviceHttpHandlers(ImportService imports, ActivityQueries activities) {
    this.imports = imports;
    this.activities = activities;
  }

  /** Adds the handlers to a function builder. */
  public ApiFunction.Builder register(ApiFunction.Builder builder) {
    return builder
        .on("importActivity", this::importActivity)
        .on("getActivityImport", this::getImport)
        .on("getActivity", this::getActivity);
  }

  ApiResponse importActivity(ApiCall call) {
    Principal caller = call.caller();
    String mediaType = call.request().mediaType();
    Provider source =
        mediaType.equals("application/json") ? AppUploads.source(call.body()) : Provider.UPLOAD;
    ImportJob job =
        imports.importFile(
            user(caller), caller.homeRegion(), source, mediaType, call.request().body());
    return ApiResponse.json(202, ActivityJson.importResource(job))
        .withHeader("Location", IMPORTS + "/" + job.id().value())
        .withHeader("Cache-Control", "private, no-store");
  }

  ApiResponse getImport(ApiCall call) {
    Principal caller = call.caller();
    String value = lastSegment(call);
    ImportId id =
        ImportId.parse(value)
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.NOT_FOUND, "You have no import " + value + "."));
    return ApiResponse.json(
            200, ActivityJson.importResource(imports.status(user(caller), caller.homeRegion(), id)))
        .withHeader("Cache-Control", "private, no-store");
  }

  ApiResponse getActivity(ApiCall call) {
    Principal caller = call.caller();
    String value = lastSegment(call);
    ActivityId id =
        ActivityId.parse(value)
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.NOT_FOUND, "You have no activity " + value + "."));
    Activity activity = activities.activity(user(caller), caller.homeRegion(), id);
    boolean withSamples = "true".equals(call.request().query().get("samples"));
    return ApiResponse.json(
            200,
            ActivityJson.activityResource(
                activity, withSamples ? activities.samples(activity) : null))
        .withHeader("Cache-Control", "private, no-store");
  }

  private static UserId user(Principal caller) {
    return new UserId(caller.userId());
  }

  private static String lastSegment(ApiCall call) {
    String path = call.request().path();
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }
}
