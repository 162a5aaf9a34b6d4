package app.stride.core.function;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A supplier that calls its delegate at most once, on first use, and then returns the same value.
 * The function registrations ({@link StrideFunctions}, {@code AwsFunctions}, {@code GcpFunctions})
 * build each function through one: the function catalog instantiates every registration when the
 * context starts, and a deployable's entry point must build only the function it serves (a
 * scheduled relay, started with its few variables, must not build the HTTP function beside it).
 */
public final class Once<T> implements Supplier<T> {
  private final Supplier<? extends T> delegate;
  private volatile T value;

  private Once(Supplier<? extends T> delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** A supplier of what {@code delegate} supplies, asked for it once, on first use. */
  public static <T> Once<T> of(Supplier<? extends T> delegate) {
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
