package app.stride.social.application.port.in;

import app.stride.core.auth.Principal;
import app.stride.social.domain.ConnectionId;
import app.stride.social.domain.GroupId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The real-time chat channel of the serving region: a member opens a connection with their access
 * token, subscribes to groups of this region they belong to, and receives their chats' changes
 * until they unsubscribe, disconnect or their token expires. Every frame counts against the
 * connection's rate window.
 */
public interface RealtimeUseCase {
  /**
   * Registers a connection opened by a verified caller.
   *
   * @param tokenExpiresAt when the caller's access token expires; the connection ends then at the
   *     latest
   */
  void connect(Principal caller, ConnectionId id, Instant tokenExpiresAt);

  /** Forgets a closed connection and its subscriptions; nothing happens for an unknown one. */
  void disconnect(ConnectionId id);

  /**
   * Counts a frame the channel could not read against the connection's rate window.
   *
   * @throws RealtimeRefusal {@code rate-limited} or {@code connection-gone}
   */
  void admit(ConnectionId id);

  /**
   * Carries out one command of a connection.
   *
   * @throws RealtimeRefusal when the command is refused (the reason says why); the frame counts all
   *     the same
   */
  void receive(ConnectionId id, Command command);

  /** What a client may ask on its connection. */
  sealed interface Command {}

  /** Follow a group's chat; the caller must be a member and the group must live here. */
  record Subscribe(GroupId group) implements Command {
    public Subscribe {
      Objects.requireNonNull(group, "group");
    }
  }

  /** Stop following a group's chat (idempotent). */
  record Unsubscribe(GroupId group) implements Command {
    public Unsubscribe {
      Objects.requireNonNull(group, "group");
    }
  }

  /** Keep-alive; answered with a pong. */
  record Ping() implements Command {}

  /** Why a frame was refused: a stable code for clients, and what they may do about it. */
  enum Error {
    /** Not JSON, or a member missing or malformed. */
    INVALID_FRAME("invalid-frame"),
    /** Over the frame size limit. */
    FRAME_TOO_LARGE("frame-too-large"),
    /** A {@code type} the protocol does not know. */
    UNKNOWN_TYPE("unknown-type"),
    /** Too many frames in the rate window; retry after it. */
    RATE_LIMITED("rate-limited"),
    /** The connection follows as many groups as it may. */
    TOO_MANY_SUBSCRIPTIONS("too-many-subscriptions"),
    /** The caller is not a member of the group (or there is no such group). */
    NOT_A_MEMBER("not-a-member"),
    /** The group lives in another region: connect there to follow it. */
    WRONG_REGION("wrong-region"),
    /** The connection is unknown or expired: reconnect with a fresh token. */
    CONNECTION_GONE("connection-gone"),
    /** The store is unavailable; retry later. */
    UNAVAILABLE("unavailable");

    private final String code;

    Error(String code) {
      this.code = code;
    }

    /** The code clients see in an {@code error} frame. */
    public String code() {
      return code;
    }
  }

  /**
   * A refused frame.
   *
   * @see Error
   */
  final class RealtimeRefusal extends RuntimeException {
    private final Error error;
    private final transient Optional<String> region;
    private final transient Optional<Long> retryAfterSeconds;

    public RealtimeRefusal(Error error, String detail) {
      this(error, detail, Optional.empty(), Optional.empty());
    }

    public RealtimeRefusal(
        Error error, String detail, Optional<String> region, Optional<Long> retryAfterSeconds) {
      super(detail, null, false, false);
      this.error = Objects.requireNonNull(error, "error");
      this.region = region;
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public Error error() {
      return error;
    }

    /** For {@link Error#WRONG_REGION}: the region the group lives in. */
    public Optional<String> region() {
      return region;
    }

    /** For {@link Error#RATE_LIMITED}: when the next frame is admitted. */
    public Optional<Long> retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }
}
