package app.stride.workouts.adapter.in.http;

import app.stride.core.function.ApiCall;
import app.stride.core.function.ApiFunction;
import app.stride.core.http.ApiResponse;
import app.stride.core.json.Json;
import app.stride.core.openapi.RequestValidator;
import app.stride.core.problem.FieldError;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.store.Page;
import app.stride.workouts.application.port.in.ManageMyWorkoutsUseCase;
import app.stride.workouts.application.port.in.ManageMyWorkoutsUseCase.Recorded;
import app.stride.workouts.domain.UnitSystem;
import app.stride.workouts.domain.Workout;
import app.stride.workouts.domain.WorkoutDraft;
import app.stride.workouts.domain.WorkoutId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The operations on {@code /v1/me/workouts} and {@code /v1/me/workouts/{workoutId}}. */
public final class WorkoutHttpHandlers {
  /** Where the spec keeps the schema a merged patch must satisfy. */
  static final String WORKOUT_INPUT_SCHEMA = "#/components/schemas/WorkoutInput";

  /** The header that makes a record retry-safe. */
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private static final String COLLECTION = "/v1/me/workouts";
  private static final Pattern KEY_FORM = Pattern.compile("[A-Za-z0-9_-]{8,64}");

  private final ManageMyWorkoutsUseCase workouts;
  private final RequestValidator validator;

  public WorkoutHttpHandlers(ManageMyWorkoutsUseCase workouts, RequestValidator validator) {
    this.workouts = workouts;
    this.validator = validator;
  }

  /** Adds the handlers to a function builder. */
  public ApiFunction.Builder register(ApiFunction.Builder builder) {
    return builder
        .on("recordMyWorkout", this::record)
        .on("listMyWorkouts", this::list)
        .on("getMyWorkout", this::get)
        .on("patchMyWorkout", this::patch)
        .on("deleteMyWorkout", this::delete);
  }

  ApiResponse record(ApiCall call) {
    Optional<String> key = idempotencyKey(call);
    UnitSystem units = workouts.units(call.caller());
    Recorded recorded =
        workouts.record(call.caller(), WorkoutJson.toDraft(call.body(), units), key);
    ApiResponse response =
        one(201, recorded.workout(), units)
            .withHeader("Location", COLLECTION + "/" + recorded.workout().id());
    return recorded.replayed() ? response.withHeader("Idempotent-Replayed", "true") : response;
  }

  ApiResponse list(ApiCall call) {
    Page<Workout> page =
        workouts.history(call.caller(), HistoryParameters.read(call.request().query()));
    UnitSystem units = workouts.units(call.caller());
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode items = body.putArray("items");
    page.items().forEach(w -> items.add(WorkoutJson.toResource(w, units)));
    page.nextCursor().ifPresent(c -> body.put("nextCursor", c));
    return ApiResponse.json(200, body).withHeader("Cache-Control", "private, no-store");
  }

  ApiResponse get(ApiCall call) {
    Workout workout = workouts.get(call.caller(), workoutId(call));
    return one(200, workout, workouts.units(call.caller()));
  }

  ApiResponse patch(ApiCall call) {
    UnitSystem units = workouts.units(call.caller());
    Workout updated =
        workouts.update(
            call.caller(),
            workoutId(call),
            current -> merge(current, call, units),
            IfMatch.parse(call.header("If-Match")));
    return one(200, updated, units);
  }

  ApiResponse delete(ApiCall call) {
    workouts.delete(call.caller(), workoutId(call), IfMatch.parse(call.header("If-Match")));
    return ApiResponse.empty(204);
  }

  private WorkoutDraft merge(WorkoutDraft current, ApiCall call, UnitSystem units) {
    ObjectNode merged = WorkoutJson.merge(WorkoutJson.toInput(current), call.body());
    List<FieldError> errors = validator.check(WORKOUT_INPUT_SCHEMA, merged);
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return WorkoutJson.toDraft(merged, units);
  }

  /** The path's workout id; an id of another form names no workout of the caller: 404. */
  private static WorkoutId workoutId(ApiCall call) {
    String path = call.request().path();
    String last = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String value = last.substring(last.lastIndexOf('/') + 1);
    return WorkoutId.parse(value)
        .orElseThrow(
            () ->
                new ProblemException(ProblemType.NOT_FOUND, "You have no workout " + value + "."));
  }

  private static Optional<String> idempotencyKey(ApiCall call) {
    Optional<String> key = call.header(IDEMPOTENCY_KEY);
    if (key.isPresent() && !KEY_FORM.matcher(key.get()).matches()) {
      throw ProblemException.invalid(
          "header:" + IDEMPOTENCY_KEY, "must be 8 to 64 letters, digits, '-' or '_' (a UUID fits)");
    }
    return key;
  }

  private static ApiResponse one(int status, Workout workout, UnitSystem units) {
    return ApiResponse.json(status, WorkoutJson.toResource(workout, units))
        .withHeader("ETag", workout.etag())
        .withHeader("Cache-Control", "private, no-store");
  }
}
