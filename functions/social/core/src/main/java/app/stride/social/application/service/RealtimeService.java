package app.stride.social.application.service;

import app.stride.core.auth.Principal;
import app.stride.core.region.RegionId;
import app.stride.core.store.StoreUnavailableException;
import app.stride.core.store.VersionConflictException;
import app.stride.social.application.port.in.RealtimeUseCase;
import app.stride.social.application.port.out.ConnectionRegistry;
import app.stride.social.application.port.out.MembershipStore;
import app.stride.social.domain.Connection;
import app.stride.social.domain.ConnectionId;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Serves {@link RealtimeUseCase} over the {@link ConnectionRegistry}. Every frame is one versioned
 * write of the connection item (its rate window), retried when two frames of one connection race.
 * Subscribing writes the connection first, then the subscription item; unsubscribing and closing
 * drop subscription items first: a crash in between leaves at worst a subscription to a gone
 * connection, which the fan-out removes on its first push.
 */
public final class RealtimeService implements RealtimeUseCase {
  private static final int ATTEMPTS = 3;

  private final ConnectionRegistry registry;
  private final MembershipStore memberships;
  private final RegionId servingRegion;
  private final RealtimeLimits limits;
  private final Clock clock;

  public RealtimeService(
      ConnectionRegistry registry,
      MembershipStore memberships,
      RegionId servingRegion,
      RealtimeLimits limits,
      Clock clock) {
    this.registry = registry;
    this.memberships = memberships;
    this.servingRegion = servingRegion;
    this.limits = limits;
    this.clock = clock;
  }

  @Override
  public void connect(Principal caller, ConnectionId id, Instant tokenExpiresAt) {
    Instant now = clock.instant();
    Instant lifetimeEnd = now.plus(limits.maxLifetime());
    // Whole seconds: the stores keep the expiry as their TTL attribute (epoch seconds).
    Instant expiresAt =
        (tokenExpiresAt.isBefore(lifetimeEnd) ? tokenExpiresAt : lifetimeEnd)
            .truncatedTo(ChronoUnit.SECONDS);
    registry.open(Connection.open(id, new UserId(caller.userId()), now, expiresAt));
  }

  @Override
  public void disconnect(ConnectionId id) {
    registry.load(id).ifPresent(c -> c.groups().forEach(group -> registry.unsubscribe(group, id)));
    registry.close(id);
  }

  @Override
  public void admit(ConnectionId id) {
    withRetries(id, counted -> counted);
  }

  @Override
  public void receive(ConnectionId id, Command command) {
    if (command instanceof Subscribe subscribe) {
      Connection after = withRetries(id, counted -> subscribed(counted, subscribe.group()));
      registry.subscribe(after.subscription(subscribe.group()));
    } else if (command instanceof Unsubscribe unsubscribe) {
      registry.unsubscribe(unsubscribe.group(), id);
      withRetries(id, counted -> counted.unsubscribe(unsubscribe.group()));
    } else {
      withRetries(id, counted -> counted);
    }
  }

  /** The connection following {@code group}, or a refusal (the frame is counted all the same). */
  private Connection subscribed(Connection counted, GroupId group) {
    if (!group.region().equals(servingRegion.value())) {
      throw new Refused(
          counted,
          new RealtimeRefusal(
              Error.WRONG_REGION,
              "Group "
                  + group
                  + " lives in region "
                  + group.region()
                  + "; connect to that region's channel to follow it.",
              Optional.of(group.region()),
              Optional.empty()));
    }
    if (memberships.load(group, counted.user()).isEmpty()) {
      throw new Refused(
          counted,
          new RealtimeRefusal(Error.NOT_A_MEMBER, "Only the group's members may follow its chat."));
    }
    if (!counted.groups().contains(group) && counted.groups().size() >= limits.maxSubscriptions()) {
      throw new Refused(
          counted,
          new RealtimeRefusal(
              Error.TOO_MANY_SUBSCRIPTIONS,
              "A connection follows at most " + limits.maxSubscriptions() + " groups."));
    }
    return counted.subscribe(group);
  }

  /**
   * Loads the live connection, counts the frame, applies {@code change} and writes the result once;
   * a refusal thrown by {@code change} still writes the counted frame. Retried on a version race.
   */
  private Connection withRetries(ConnectionId id, UnaryOperator<Connection> change) {
    try {
      return attempt(id, change);
    } catch (StoreUnavailableException e) {
      throw new RealtimeRefusal(Error.UNAVAILABLE, "The channel's store is unavailable; retry.");
    }
  }

  private Connection attempt(ConnectionId id, UnaryOperator<Connection> change) {
    for (int attempt = 1; ; attempt++) {
      Instant now = clock.instant();
      Connection current =
          registry
              .load(id)
              .filter(c -> !c.expiredAt(now))
              .orElseThrow(
                  () ->
                      new RealtimeRefusal(
                          Error.CONNECTION_GONE,
                          "This connection is closed or its token expired; reconnect."));
      Connection counted = current.countFrame(now, limits.window());
      if (counted.framesInWindow() > limits.maxFramesPerWindow()) {
        Instant next = counted.windowStart().plus(limits.window());
        throw new RealtimeRefusal(
            Error.RATE_LIMITED,
            "At most "
                + limits.maxFramesPerWindow()
                + " frames per "
                + limits.window().toSeconds()
                + " seconds.",
            Optional.empty(),
            Optional.of(Math.max(1, Duration.between(now, next).toSeconds())));
      }
      Connection next;
      RealtimeRefusal refusal = null;
      try {
        next = change.apply(counted);
      } catch (Refused refused) {
        next = refused.counted;
        refusal = refused.refusal;
      }
      try {
        registry.replace(next, current.version());
      } catch (VersionConflictException e) {
        if (attempt < ATTEMPTS) {
          continue;
        }
        throw new RealtimeRefusal(Error.UNAVAILABLE, "The connection is busy; retry.");
      }
      if (refusal != null) {
        throw refusal;
      }
      return next;
    }
  }

  /** A refusal decided after counting the frame: the counted connection is still written. */
  private static final class Refused extends RuntimeException {
    private final transient Connection counted;
    private final RealtimeRefusal refusal;

    Refused(Connection counted, RealtimeRefusal refusal) {
      super(null, null, false, false);
      this.counted = counted;
      this.refusal = refusal;
    }
  }
}
