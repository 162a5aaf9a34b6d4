package app.stride.workouts;

import app.stride.apispecs.ApiSpecs;
import app.stride.core.auth.TokenVerifier;
import app.stride.core.event.EventPublisher;
import app.stride.core.function.ApiFunction;
import app.stride.core.openapi.OpenApiSpec;
import app.stride.core.openapi.RequestValidator;
import app.stride.core.region.RegionId;
import app.stride.core.trigger.BatchResult;
import app.stride.core.trigger.QueueMessage;
import app.stride.core.trigger.ScheduledTick;
import app.stride.events.user.v1.UserEraserQueueFunction;
import app.stride.workouts.adapter.in.http.WorkoutHttpHandlers;
import app.stride.workouts.application.port.out.EraseWorkoutsPort;
import app.stride.workouts.application.port.out.LoadUnitPreferencePort;
import app.stride.workouts.application.port.out.WorkoutOutboxPort;
import app.stride.workouts.application.port.out.WorkoutStore;
import app.stride.workouts.application.service.OutboxRelay;
import app.stride.workouts.application.service.UserDataEraser;
import app.stride.workouts.application.service.WorkoutService;
import app.stride.workouts.domain.UserId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The workouts capability's functions, wired from its ports. Each cloud module calls these from its
 * Spring initializer with its own store, unit-preference and event adapters.
 */
public final class WorkoutsFunctions {
  /** The spec's {@code x-stride-function} of the workout routes, and the HTTP bean's name. */
  public static final String NAME = "workouts";

  /** The bean name of the outbox relay. */
  public static final String OUTBOX_RELAY = "workoutsOutboxRelay";

  /** The bean name of the data eraser consuming {@code app.stride.user.v1.deleted}. */
  public static final String USER_ERASER = "workoutsUserEraser";

  private WorkoutsFunctions() {}

  /** The HTTP function serving {@code /v1/me/workouts} and {@code /v1/me/workouts/{workoutId}}. */
  public static ApiFunction http(
      WorkoutStore store,
      LoadUnitPreferencePort units,
      EventPublisher events,
      TokenVerifier verifier,
      RegionId servingRegion,
      Clock clock) {
    RequestValidator validator = new RequestValidator(mobileApi());
    WorkoutService service =
        new WorkoutService(store, units, events, servingRegion, clock, new SecureRandom());
    return new WorkoutHttpHandlers(service, validator)
        .register(ApiFunction.builder(NAME, validator, verifier))
        .build();
  }

  /** The scheduled relay that publishes events left in the outbox. */
  public static Consumer<ScheduledTick> outboxRelay(
      WorkoutOutboxPort outbox, EventPublisher events, RegionId region) {
    return new OutboxRelay(outbox, events, region);
  }

  /**
   * The data eraser: consumes {@code app.stride.user.v1.deleted} batches and erases the workouts,
   * delete markers and idempotency claims of each deleted user homed in {@code region}, publishing
   * nothing. Unreadable messages and failed erasures come back as failed ids, for the transport to
   * retry and finally dead-letter.
   */
  public static Function<List<QueueMessage>, BatchResult> userEraser(
      EraseWorkoutsPort store, RegionId region) {
    return new UserEraserQueueFunction<>(UserId::new, new UserDataEraser(store, region)::erase);
  }

  /** The JSON twin of the spec (no YAML parser on a function's cold start). */
  private static OpenApiSpec mobileApi() {
    try (InputStream in = ApiSpecs.mobileApiJson()) {
      return OpenApiSpec.readJson("mobile-api", in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
