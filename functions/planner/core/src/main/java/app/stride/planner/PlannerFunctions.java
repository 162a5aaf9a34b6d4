package app.stride.planner;

import app.stride.apispecs.ApiSpecs;
import app.stride.core.auth.TokenVerifier;
import app.stride.core.function.ApiFunction;
import app.stride.core.openapi.OpenApiSpec;
import app.stride.core.openapi.RequestValidator;
import app.stride.core.region.RegionId;
import app.stride.core.trigger.BatchResult;
import app.stride.core.trigger.QueueMessage;
import app.stride.events.user.v1.UserEraserQueueFunction;
import app.stride.planner.adapter.in.http.CalendarFeedHandlers;
import app.stride.planner.adapter.in.http.PlannerHttpHandlers;
import app.stride.planner.application.port.out.CalendarFeedStore;
import app.stride.planner.application.port.out.LoadWorkoutSummaryPort;
import app.stride.planner.application.port.out.MyPlanStore;
import app.stride.planner.application.port.out.PlanLibraryPort;
import app.stride.planner.application.service.CalendarFeedService;
import app.stride.planner.application.service.MyPlanService;
import app.stride.planner.application.service.PlanLibraryService;
import app.stride.planner.application.service.ScheduleService;
import app.stride.planner.application.service.UserDataEraser;
import app.stride.planner.domain.UserId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The planner capability's functions, wired from its ports. Each cloud module calls these from its
 * Spring initializer with its own store and workout view; nothing else differs by cloud.
 */
public final class PlannerFunctions {
  /** The spec's {@code x-stride-function} of the planner routes, and the HTTP bean's name. */
  public static final String NAME = "planner";

  /** The bean name of the data eraser consuming {@code app.stride.user.v1.deleted}. */
  public static final String USER_ERASER = "plannerUserEraser";

  private PlannerFunctions() {}

  /**
   * The HTTP function serving the plan library, my plans, the schedule and its calendar feed.
   *
   * @param publicApiUrl the API's public base URL for calendar feed links ({@code
   *     STRIDE_API_PUBLIC_URL}); empty to build them from the request's host
   */
  public static ApiFunction http(
      PlanLibraryPort library,
      MyPlanStore store,
      CalendarFeedStore feeds,
      LoadWorkoutSummaryPort workouts,
      TokenVerifier verifier,
      RegionId servingRegion,
      Optional<URI> publicApiUrl,
      Clock clock) {
    RequestValidator validator = new RequestValidator(mobileApi());
    PlannerHttpHandlers handlers =
        new PlannerHttpHandlers(
            new PlanLibraryService(library),
            new MyPlanService(store, library, workouts, servingRegion, clock),
            new ScheduleService(store, library, servingRegion, clock));
    CalendarFeedHandlers calendar =
        new CalendarFeedHandlers(
            new CalendarFeedService(feeds, store, library, servingRegion, clock), publicApiUrl);
    return calendar
        .register(handlers.register(ApiFunction.builder(NAME, validator, verifier)))
        .build();
  }

  /**
   * The data eraser: consumes {@code app.stride.user.v1.deleted} batches and erases the plans and
   * calendar feed of each deleted user homed in {@code region}. Unreadable messages and failed
   * erasures come back as failed ids, for the transport to retry and finally dead-letter.
   */
  public static Function<List<QueueMessage>, BatchResult> userEraser(
      MyPlanStore store, CalendarFeedStore feeds, RegionId region) {
    return new UserEraserQueueFunction<>(
        UserId::new, new UserDataEraser(store, feeds, region)::erase);
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
