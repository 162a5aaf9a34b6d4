package app.stride.social.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An open WebSocket connection of an authenticated user in the serving region: the groups it
 * follows, when it ends, and its frame count in the current rate window.
 *
 * @param id the gateway's connection id
 * @param user the verified caller
 * @param groups the groups it is subscribed to
 * @param connectedAt when it opened
 * @param expiresAt when its access token expires or its lifetime ends, whichever comes first
 * @param windowStart the start of the current rate window
 * @param framesInWindow frames received in that window
 * @param version optimistic version, 1 on opening
 */
public record Connection(
    ConnectionId id,
    UserId user,
    Set<GroupId> groups,
    Instant connectedAt,
    Instant expiresAt,
    Instant windowStart,
    int framesInWindow,
    long version) {

  public Connection {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(user, "user");
    groups = Set.copyOf(groups);
    Objects.requireNonNull(connectedAt, "connectedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(windowStart, "windowStart");
  }

  /** A connection just opened. */
  public static Connection open(ConnectionId id, UserId user, Instant now, Instant expiresAt) {
    return new Connection(id, user, Set.of(), now, expiresAt, now, 0, 1);
  }

  /** Whether it is over at {@code now}; an expired connection is treated as absent. */
  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /**
   * This connection having received one more frame at {@code now}, in windows of {@code window}.
   */
  public Connection countFrame(Instant now, Duration window) {
    boolean fresh = !now.isBefore(windowStart.plus(window));
    return new Connection(
        id,
        user,
        groups,
        connectedAt,
        expiresAt,
        fresh ? now : windowStart,
        fresh ? 1 : framesInWindow + 1,
        version + 1);
  }

  /** This connection following {@code group} too. */
  public Connection subscribe(GroupId group) {
    Set<GroupId> next = new TreeSet<>(java.util.Comparator.comparing(GroupId::value));
    next.addAll(groups);
    next.add(group);
    return withGroups(next);
  }

  /** This connection no longer following {@code group}. */
  public Connection unsubscribe(GroupId group) {
    Set<GroupId> next = new TreeSet<>(java.util.Comparator.comparing(GroupId::value));
    next.addAll(groups);
    next.remove(group);
    return withGroups(next);
  }

  /** Its subscription to {@code group} (the caller checks it follows the group). */
  public Subscription subscription(GroupId group) {
    return new Subscription(group, id, user, expiresAt);
  }

  private Connection withGroups(Set<GroupId> next) {
    return new Connection(
        id, user, next, connectedAt, expiresAt, windowStart, framesInWindow, version);
  }
}
