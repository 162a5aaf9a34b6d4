package app.stride.profiles;

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
import app.stride.profiles.adapter.in.http.ProfileHttpHandlers;
import app.stride.profiles.adapter.in.queue.UserDeletedDecoder;
import app.stride.profiles.adapter.in.queue.UserEraserQueueFunction;
import app.stride.profiles.application.port.out.ProfileOutboxPort;
import app.stride.profiles.application.port.out.ProfileStore;
import app.stride.profiles.application.service.OutboxRelay;
import app.stride.profiles.application.service.ProfileService;
import app.stride.profiles.application.service.UserDataEraser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The profiles capability's functions, wired from its ports. Each cloud module calls these from its
 * Spring initializer with its own store and event adapters; nothing else differs by cloud.
 */
public final class ProfilesFunctions {
  /** The spec's {@code x-stride-function} of the profile routes, and the HTTP bean's name. */
  public static final String NAME = "profiles";

  /** The bean name of the outbox relay. */
  public static final String OUTBOX_RELAY = "profilesOutboxRelay";

  /** The bean name of the data eraser consuming {@code app.stride.user.v1.deleted}. */
  public static final String USER_ERASER = "profilesUserEraser";

  private ProfilesFunctions() {}

  /** The HTTP function serving {@code /v1/me/profile}. */
  public static ApiFunction http(
      ProfileStore store,
      EventPublisher events,
      TokenVerifier verifier,
      RegionId servingRegion,
      Clock clock) {
    RequestValidator validator = new RequestValidator(mobileApi());
    ProfileService service = new ProfileService(store, events, servingRegion, clock);
    return new ProfileHttpHandlers(service, validator)
        .register(ApiFunction.builder(NAME, validator, verifier))
        .build();
  }

  /** The scheduled relay that publishes events left in the outbox. */
  public static Consumer<ScheduledTick> outboxRelay(
      ProfileOutboxPort outbox, EventPublisher events, RegionId region) {
    return new OutboxRelay(outbox, events, region);
  }

  /**
   * The data eraser: consumes {@code app.stride.user.v1.deleted} batches and erases the profile of
   * each deleted user homed in {@code region}. Unreadable messages and failed erasures come back as
   * failed ids, for the transport to retry and finally dead-letter.
   */
  public static Function<List<QueueMessage>, BatchResult> userEraser(
      ProfileStore store, EventPublisher events, RegionId region, Clock clock) {
    return new UserEraserQueueFunction(
        new UserDeletedDecoder(), new UserDataEraser(store, events, region, clock));
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
