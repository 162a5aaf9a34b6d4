package app.stride.devices.adapter.in.http;

import app.stride.core.auth.Principal;
import app.stride.core.function.ApiCall;
import app.stride.core.function.ApiFunction;
import app.stride.core.http.ApiResponse;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.devices.application.service.ActivityQueries;
import app.stride.devices.application.service.ImportService;
import app.stride.devices.application.service.ImportUploads;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.ActivityId;
import app.stride.devices.domain.ImportId;
import app.stride.devices.domain.ImportJob;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations on {@code /v1/activities/imports} (files in the request, and announced uploads put
 * straight into the bucket) and {@code /v1/activities/{activityId}}.
 */
public final class DeviceHttpHandlers {
  private static final String IMPORTS = "/v1/activities/imports";

  private final ImportService imports;
  private final ImportUploads uploads;
  private final ActivityQueries activities;

  public DeviceHttpHandlers(
      ImportService imports, ImportUploads uploads, ActivityQueries activities) {
    this.imports = imports;
    this.uploads = uploads;
    this.activities = activities;
  }

  /** Adds the handlers to a function builder. */
  public ApiFunction.Builder register(ApiFunction.Builder builder) {
    return builder
        .on("importActivity", this::importActivity)
        .on("getActivityImport", this::getImport)
        .on("startActivityUpload", this::startUpload)
        .on("completeActivityUpload", this::completeUpload)
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
    ImportId id = importId(lastSegment(call));
    return ApiResponse.json(
            200, ActivityJson.importResource(imports.status(user(caller), caller.homeRegion(), id)))
        .withHeader("Cache-Control", "private, no-store");
  }

  ApiResponse startUpload(ApiCall call) {
    Principal caller = call.caller();
    JsonNode body = call.body();
    ImportUploads.Started started =
        uploads.start(
            user(caller),
            caller.homeRegion(),
            body.path("contentType").asString(),
            body.path("size").asLong(),
            body.path("sha256").asString());
    ObjectNode resource = ActivityJson.importResource(started.job());
    started.upload().ifPresent(u -> resource.set("upload", ActivityJson.uploadResource(u)));
    return ApiResponse.json(started.created() ? 201 : 200, resource)
        .withHeader("Location", IMPORTS + "/" + started.job().id().value())
        .withHeader("Cache-Control", "private, no-store");
  }

  ApiResponse completeUpload(ApiCall call) {
    Principal caller = call.caller();
    String path = call.request().path();
    String withoutAction = path.substring(0, path.lastIndexOf('/'));
    ImportId id = importId(withoutAction.substring(withoutAction.lastIndexOf('/') + 1));
    ImportJob job = uploads.complete(user(caller), caller.homeRegion(), id);
    return ApiResponse.json(202, ActivityJson.importResource(job))
        .withHeader("Location", IMPORTS + "/" + job.id().value())
        .withHeader("Cache-Control", "private, no-store");
  }

  private static ImportId importId(String value) {
    return ImportId.parse(value)
        .orElseThrow(
            () -> new ProblemException(ProblemType.NOT_FOUND, "You have no import " + value + "."));
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
