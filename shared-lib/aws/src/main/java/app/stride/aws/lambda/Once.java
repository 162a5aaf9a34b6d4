package app.stride.aws.lambda;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A supplier that calls its delegate at most once, on first use, and then returns the same value.
 */
final class Once<T> implements Supplier<T> {
  private final Supplier<? extends T> delegate;
  private volatile T value;

  private Once(Supplier<? extends T> delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  static <T> Once<T> of(Supplier<? extends T> delegate) {
    return new Once<>(delegate);
  }

  @Override
  public T get() {
    T result = value;
    if (result == null) {
      synchronized (this) {
        result = value;
        if (result == null) {
          result = Objects.requireNonNull(delegate.get(), "supplier returned null");
          value = result;
        }
      }
    }
    return result;
  }
}
