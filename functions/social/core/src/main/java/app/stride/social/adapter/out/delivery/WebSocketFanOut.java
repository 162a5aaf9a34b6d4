package app.stride.social.adapter.out.delivery;

import app.stride.social.adapter.in.websocket.Frames;
import app.stride.social.application.port.out.ConnectionPush;
import app.stride.social.application.port.out.ConnectionRegistry;
import app.stride.social.application.port.out.MembershipStore;
import app.stride.social.application.port.out.MessageDeliveryPort;
import app.stride.social.domain.ConnectionId;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.Subscription;
import app.stride.social.domain.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a stored chat change to the connections subscribed to its group in this region: one
 * query of the group's subscriptions, one membership read per distinct subscribed user (a member
 * removed since subscribing gets nothing more), one push per connection. A connection the gateway
 * reports gone is removed with its subscription; an expired subscription is dropped unsent. A push
 * that fails otherwise is logged and skipped: members who miss a change read it from history.
 */
public final class WebSocketFanOut implements MessageDeliveryPort {
  private static final Logger log = LoggerFactory.getLogger(WebSocketFanOut.class);

  private final ConnectionRegistry registry;
  private final ConnectionPush push;
  private final MembershipStore memberships;
  private final Clock clock;

  public WebSocketFanOut(
      ConnectionRegistry registry, ConnectionPush push, MembershipStore memberships, Clock clock) {
    this.registry = registry;
    this.push = push;
    this.memberships = memberships;
    this.clock = clock;
  }

  @Override
  public void deliver(ChatChange change) {
    GroupId group = change.message().groupId();
    String frame = Frames.change(change);
    Instant now = clock.instant();
    Map<UserId, Boolean> members = new HashMap<>();
    int delivered = 0;
    for (Subscription subscription : registry.subscribers(group)) {
      ConnectionId connection = subscription.connection();
      if (subscription.expiredAt(now)
          || !members.computeIfAbsent(
              subscription.user(), user -> memberships.load(group, user).isPresent())) {
        registry.unsubscribe(group, connection);
        continue;
      }
      try {
        if (push.push(connection, frame) == ConnectionPush.Result.GONE) {
          registry.unsubscribe(group, connection);
          registry.close(connection);
        } else {
          delivered++;
        }
      } catch (RuntimeException e) {
        log.warn("group={} connection={} push failed: {}", group, connection, e.toString());
      }
    }
    log.debug("group={} {} delivered to {} connections", group, change.kind(), delivered);
  }
}
