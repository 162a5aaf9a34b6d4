package app.stride.social.gcp.realtime;

import app.stride.core.config.Env;
import app.stride.social.application.port.out.ConnectionPush;
import app.stride.social.domain.ConnectionId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The social HTTP function's {@link ConnectionPush} on GCP: frames go to the region's chat server
 * through its {@link InternalPush} socket, opened on the first push with the shared secret and kept
 * for the next ones (reopened when it was closed). Pushes are sent one at a time; each waits for
 * its answer for at most {@link #TIMEOUT}. A failure throws (the fan-out logs it and keeps the
 * connection: it may still be there); the server's {@code gone} is {@link Result#GONE}.
 */
public final class ChatServerPush implements ConnectionPush, AutoCloseable {
  /**
   * The chat server's internal push URL, e.g. {@code wss://chat-apac-....run.app/internal/push}.
   */
  public static final String URL_ENV = "STRIDE_CHAT_PUSH_URL";

  /** How long opening the socket, or one push, may take. */
  public static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final URI uri;
  private final String secret;
  private final HttpClient http;
  private Answers listener;
  private WebSocket socket;

  /**
   * @param uri the chat server's {@value InternalPush#PATH} ({@code ws:} or {@code wss:})
   * @param secret the shared secret
   */
  public ChatServerPush(URI uri, String secret) {
    this.uri = uri;
    this.secret = InternalPush.checked(secret);
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  /** The push configured by {@value #URL_ENV} and {@value InternalPush#SECRET_ENV}, if any. */
  public static Optional<ChatServerPush> fromEnv(Env env) {
    return env.optional(URL_ENV)
        .map(url -> new ChatServerPush(URI.create(url), env.require(InternalPush.SECRET_ENV)));
  }

  @Override
  public synchronized Result push(ConnectionId connection, String frame) {
    WebSocket open = socket();
    CompletableFuture<String> answer = listener.expect();
    try {
      open.sendText(InternalPush.request(new InternalPush.Request(connection, frame)), true)
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return switch (InternalPush.readAnswer(
          answer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))) {
        case DELIVERED -> Result.DELIVERED;
        case GONE -> Result.GONE;
        case INVALID -> throw new IllegalStateException("the chat server refused the push");
      };
    } catch (ExecutionException | TimeoutException e) {
      drop();
      throw new IllegalStateException("the chat server did not take the push", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      drop();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private WebSocket socket() {
    if (socket != null && !socket.isInputClosed() && !socket.isOutputClosed()) {
      return socket;
    }
    Answers answers = new Answers();
    try {
      socket =
          http.newWebSocketBuilder()
              .header(InternalPush.SECRET_HEADER, secret)
              .connectTimeout(TIMEOUT)
              .buildAsync(uri, answers)
              .get(TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
      listener = answers;
      return socket;
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the chat server's internal push does not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private void drop() {
    if (socket != null) {
      socket.abort();
      socket = null;
    }
  }

  @Override
  public synchronized void close() {
    if (socket != null) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
      socket = null;
    }
  }

  /** Completes the pending push with the next whole text frame. */
  private static final class Answers implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();
    private volatile CompletableFuture<String> pending = new CompletableFuture<>();

    CompletableFuture<String> expect() {
      CompletableFuture<String> next = new CompletableFuture<>();
      pending = next;
      return next;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        pending.complete(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      pending.completeExceptionally(new IllegalStateException("closed: " + statusCode));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      pending.completeExceptionally(error);
    }
  }
}
