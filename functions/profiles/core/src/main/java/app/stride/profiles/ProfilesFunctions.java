package app.stride.profiles;

import app.stride.apispecs.ApiSpecs;
import app.stride.core.auth.TokenVerifier;
import app.stride.core.event.EventPublisher;
import app.stride.core.function.ApiFunction;
import app.stride.core.openapi.OpenApiSpec;
import app.stride.core.openapi.RequestValidator;
import app.stride.core.region.RegionId;
import app.stride.core.trigger.ScheduledTick;
import app.stride.profiles.adapter.in.http.ProfileHttpHandlers;
import app.stride.profiles.application.port.out.ProfileOutboxPort;
import app.stride.profiles.application.port.out.ProfileStore;
import app.stride.profiles.application.service.OutboxRelay;
import app.stride.profiles.application.service.ProfileService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The profiles capability's functions, wired from its ports. Each cloud module calls these from its
 * Spring initializer with its own store and event adapters; nothing else differs by cloud.
 */
public final class ProfilesFunctions {
  /** The spec's {@code x-stride-function} of the profile routes, and the HTTP bean's name. */
  public static final String NAME = "profiles";

  /** The bean name of the outbox relay. */
  public static final String OUTBOX_RELAY = "profilesOutboxRelay";

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

  /** The JSON twin of the spec (no YAML parser on a function's cold start). */
  private static OpenApiSpec mobileApi() {
    try (InputStream in = ApiSpecs.mobileApiJson()) {
      return OpenApiSpec.readJson("mobile-api", in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
