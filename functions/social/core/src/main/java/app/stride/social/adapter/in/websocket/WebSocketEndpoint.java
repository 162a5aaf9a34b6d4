package app.stride.social.adapter.in.websocket;

import app.stride.core.auth.Principal;
import app.stride.core.auth.TokenVerifier;
import app.stride.core.problem.ProblemException;
import app.stride.core.store.StoreUnavailableException;
import app.stride.social.adapter.in.websocket.Frames.Request;
import app.stride.social.application.port.in.RealtimeUseCase;
import app.stride.social.application.port.in.RealtimeUseCase.Error;
import app.stride.social.application.port.in.RealtimeUseCase.RealtimeRefusal;
import app.stride.social.domain.ConnectionId;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat channel's entry, the same on every gateway: API Gateway's {@code $connect}, {@code
 * $default} and {@code $disconnect} routes on AWS, the Cloud Run server's socket events on GCP.
 *
 * <p>A connection is opened with the caller's access token, offered either as the WebSocket
 * subprotocol {@code bearer.<token>} next to {@value #SUBPROTOCOL} (browsers cannot set an {@code
 * Authorization} header on an upgrade) or as the {@code token} query parameter; it is verified by
 * the shared {@link TokenVerifier} and never logged. The answer selects {@value #SUBPROTOCOL} when
 * the client offered it, never the token.
 */
public final class WebSocketEndpoint {
  private static final Logger log = LoggerFactory.getLogger(WebSocketEndpoint.class);

  /** The protocol's subprotocol name. */
  public static final String SUBPROTOCOL = "stride.chat.v1";

  /** The subprotocol prefix carrying the access token. */
  public static final String BEARER_PREFIX = "bearer.";

  /** The query parameter carrying the access token (clients that cannot offer subprotocols). */
  public static final String TOKEN_QUERY = "token";

  private final RealtimeUseCase realtime;
  private final TokenVerifier verifier;

  public WebSocketEndpoint(RealtimeUseCase realtime, TokenVerifier verifier) {
    this.realtime = realtime;
    this.verifier = verifier;
  }

  /**
   * The answer to an upgrade.
   *
   * @param status 200 when accepted; else the HTTP status the gateway refuses the upgrade with
   * @param subprotocol the subprotocol to select in the upgrade's answer
   * @param reason why it was refused (no secret in it)
   */
  public record Handshake(int status, Optional<String> subprotocol, String reason) {
    public boolean accepted() {
      return status == 200;
    }
  }

  /**
   * Opens connection {@code connectionId}.
   *
   * @param headers the upgrade request's headers (any case)
   * @param query its query parameters
   */
  public Handshake connect(
      String connectionId, Map<String, String> headers, Map<String, String> query) {
    ConnectionId id;
    try {
      id = new ConnectionId(connectionId);
    } catch (IllegalArgumentException e) {
      return new Handshake(400, Optional.empty(), "bad connection id");
    }
    Optional<String> offered = header(headers, "Sec-WebSocket-Protocol");
    Optional<String> token =
        offered
            .flatMap(WebSocketEndpoint::bearerProtocol)
            .or(() -> Optional.ofNullable(query.get(TOKEN_QUERY)).filter(t -> !t.isBlank()));
    if (token.isEmpty()) {
      return new Handshake(401, Optional.empty(), "an access token is required");
    }
    Principal caller;
    try {
      caller = verifier.verify(token.get());
    } catch (ProblemException e) {
      return new Handshake(401, Optional.empty(), "the access token is not valid");
    }
    try {
      realtime.connect(caller, id, TokenExpiry.of(token.get()));
    } catch (StoreUnavailableException e) {
      log.warn("connection={} not registered: {}", id, e.toString());
      return new Handshake(503, Optional.empty(), "the channel is unavailable");
    }
    Optional<String> selected =
        offered
            .filter(
                list ->
                    java.util.Arrays.stream(list.split(","))
                        .anyMatch(p -> p.strip().equals(SUBPROTOCOL)))
            .map(list -> SUBPROTOCOL);
    return new Handshake(200, selected, "");
  }

  /** Carries out one client frame; answers the frame to send back. */
  public String receive(String connectionId, String frame) {
    ConnectionId id = new ConnectionId(connectionId);
    Request request = Frames.read(frame == null ? "" : frame);
    try {
      if (request.invalid().isPresent()) {
        realtime.admit(id);
        return Frames.error(request.id(), Optional.empty(), request.invalid().get());
      }
      realtime.receive(id, request.command().orElseThrow());
      return Frames.answer(request.id(), request.command().get());
    } catch (RealtimeRefusal e) {
      return Frames.error(request.id(), request.command(), e);
    } catch (RuntimeException e) {
      log.warn("connection={} frame failed: {}", id, e.toString());
      return Frames.error(
          request.id(),
          request.command(),
          new RealtimeRefusal(Error.UNAVAILABLE, "Something went wrong on our side; retry."));
    }
  }

  /** Forgets a closed connection. */
  public void disconnect(String connectionId) {
    try {
      realtime.disconnect(new ConnectionId(connectionId));
    } catch (IllegalArgumentException e) {
      log.debug("disconnect of a malformed connection id ignored");
    }
  }

  private static Optional<String> bearerProtocol(String offered) {
    for (String protocol : offered.split(",")) {
      String p = protocol.strip();
      if (p.startsWith(BEARER_PREFIX) && p.length() > BEARER_PREFIX.length()) {
        return Optional.of(p.substring(BEARER_PREFIX.length()));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> header(Map<String, String> headers, String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }
}
