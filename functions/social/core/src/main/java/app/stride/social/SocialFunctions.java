package app.stride.social;

import app.stride.apispecs.ApiSpecs;
import app.stride.core.auth.TokenVerifier;
import app.stride.core.function.ApiFunction;
import app.stride.core.openapi.OpenApiSpec;
import app.stride.core.openapi.RequestValidator;
import app.stride.core.region.RegionId;
import app.stride.core.store.CursorSeal;
import app.stride.core.trigger.BatchResult;
import app.stride.core.trigger.QueueMessage;
import app.stride.events.user.v1.UserEraserQueueFunction;
import app.stride.social.adapter.in.http.ChatHttpHandlers;
import app.stride.social.adapter.in.http.GroupHttpHandlers;
import app.stride.social.adapter.in.http.MembershipHttpHandlers;
import app.stride.social.adapter.in.websocket.WebSocketEndpoint;
import app.stride.social.adapter.out.delivery.WebSocketFanOut;
import app.stride.social.application.port.out.ConnectionPush;
import app.stride.social.application.port.out.ConnectionRegistry;
import app.stride.social.application.port.out.MessageDeliveryPort;
import app.stride.social.application.port.out.SocialStores;
import app.stride.social.application.service.Cursors;
import app.stride.social.application.service.RealtimeLimits;
import app.stride.social.application.service.RealtimeService;
import app.stride.social.application.service.SocialServices;
import app.stride.social.application.service.UserDataEraser;
import app.stride.social.domain.RandomIds;
import app.stride.social.domain.UserId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * The social capability's functions, wired from its ports. Each cloud module calls these from its
 * Spring initializer with its own stores; nothing else differs by cloud.
 */
public final class SocialFunctions {
  /** The spec's {@code x-stride-function} of the social routes, and the HTTP bean's name. */
  public static final String NAME = "social";

  /** The bean name of the data eraser consuming {@code app.stride.user.v1.deleted}. */
  public static final String USER_ERASER = "socialUserEraser";

  private SocialFunctions() {}

  /**
   * The HTTP function serving groups and chat of {@code servingRegion}.
   *
   * @param verifier must trust the access tokens of every region (a member homed anywhere calls the
   *     group's region); the shared verifier does when its JWKS holds every region's keys
   * @param cursorSeal signs listing cursors ({@code STRIDE_CURSOR_KEY})
   */
  public static ApiFunction http(
      SocialStores stores,
      MessageDeliveryPort delivery,
      TokenVerifier verifier,
      RegionId servingRegion,
      CursorSeal cursorSeal,
      Clock clock) {
    return http(stores, delivery, verifier, servingRegion, cursorSeal, RandomIds.secure(), clock);
  }

  /** As above with the given source of random ids (tests). */
  public static ApiFunction http(
      SocialStores stores,
      MessageDeliveryPort delivery,
      TokenVerifier verifier,
      RegionId servingRegion,
      CursorSeal cursorSeal,
      RandomIds ids,
      Clock clock) {
    RequestValidator validator = new RequestValidator(mobileApi());
    SocialServices services =
        SocialServices.of(stores, delivery, new Cursors(cursorSeal), servingRegion, ids, clock);
    ApiFunction.Builder builder = ApiFunction.builder(NAME, validator, verifier);
    new GroupHttpHandlers(services.groups(), servingRegion).register(builder);
    new MembershipHttpHandlers(services.membership()).register(builder);
    new ChatHttpHandlers(services.chat()).register(builder);
    return builder.build();
  }

  /**
   * The chat channel of {@code servingRegion}: its entry (connect, frames, disconnect) and the
   * fan-out to hand the HTTP function as its {@link MessageDeliveryPort}.
   *
   * @param registry the region's open connections and subscriptions
   * @param push how a frame reaches a connection on this cloud's gateway
   * @param verifier as for {@link #http}: every region's access tokens
   */
  public static Realtime realtime(
      SocialStores stores,
      ConnectionRegistry registry,
      ConnectionPush push,
      TokenVerifier verifier,
      RegionId servingRegion,
      Clock clock) {
    RealtimeService service =
        new RealtimeService(
            registry, stores.memberships(), servingRegion, RealtimeLimits.DEFAULT, clock);
    return new Realtime(
        new WebSocketEndpoint(service, verifier), fanOut(stores, registry, push, clock));
  }

  /**
   * The chat channel's fan-out alone, for a function that changes chat but serves no connection
   * (the data eraser): no token verifier needed.
   *
   * @param registry the region's open connections and subscriptions
   * @param push how a frame reaches a connection on this cloud's gateway
   */
  public static MessageDeliveryPort fanOut(
      SocialStores stores, ConnectionRegistry registry, ConnectionPush push, Clock clock) {
    return new WebSocketFanOut(registry, push, stores.memberships(), clock);
  }

  /**
   * The chat channel's two halves.
   *
   * @param endpoint what the gateway's connection events call
   * @param delivery what the chat service calls after each stored change
   */
  public record Realtime(WebSocketEndpoint endpoint, MessageDeliveryPort delivery) {}

  /**
   * The data eraser of {@code region}: for each {@code app.stride.user.v1.deleted} message, the
   * user's messages become tombstones (pushed as {@code deleted} to connected members), their
   * memberships depart (an owned group handed over, an emptied one deleted), their join requests
   * and invites go. A user homed elsewhere is left alone. Unreadable messages and failed erasures
   * come back as failed ids, for the transport to retry and finally dead-letter.
   *
   * @param delivery the region's chat fan-out ({@link Realtime#delivery()})
   */
  public static Function<List<QueueMessage>, BatchResult> userEraser(
      SocialStores stores, MessageDeliveryPort delivery, RegionId region, Clock clock) {
    return new UserEraserQueueFunction<>(
        UserId::new, new UserDataEraser(stores, delivery, region, clock)::erase);
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
