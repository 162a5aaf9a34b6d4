package app.stride.devices.pull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Collects an answer body up to a bound, counted on the bytes that arrive (whatever {@code
 * Content-Length} says). Past the bound it cancels the exchange and either raises the {@code
 * tooLarge} flag and fails, or, for answers whose body is not wanted (errors, no flag), completes
 * with what it has.
 */
final class BoundedBody implements BodySubscriber<byte[]> {
  private final long max;
  private final AtomicBoolean tooLarge;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private Flow.Subscription subscription;
  private long count;

  /**
   * @param max the most bytes kept
   * @param tooLarge raised when the body passes {@code max}; null to keep the first bytes instead
   */
  BoundedBody(long max, AtomicBoolean tooLarge) {
    this.max = max;
    this.tooLarge = tooLarge;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription value) {
    this.subscription = value;
    value.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer item : items) {
      int n = item.remaining();
      if (count + n > max) {
        // Flag and result first: cancelling may fail the exchange on this very thread.
        if (tooLarge == null) {
          result.complete(out.toByteArray());
        } else {
          tooLarge.set(true);
          result.completeExceptionally(new TooLarge());
        }
        subscription.cancel();
        return;
      }
      count += n;
      byte[] chunk = new byte[n];
      item.get(chunk);
      out.write(chunk, 0, n);
    }
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    result.complete(out.toByteArray());
  }

  /** The body passed the bound. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("the answer passed its size bound");
    }
  }
}
