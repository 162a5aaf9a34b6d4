package app.stride.workouts.gcp;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A function built on its first call, once. Spring Cloud Function instantiates every registered
 * function when the context starts, and each Cloud Function deployable starts the same context
 * whatever its entry point: this keeps the relay entry from building the HTTP function (spec
 * parsing, token verifier and its configuration) they never call. The AWS deployable does the same
 * through {@code AwsFunctions}.
 */
final class BuiltOnFirstCall<T, R> implements Function<T, R> {
  private final Supplier<? extends Function<T, R>> factory;
  private volatile Function<T, R> built;

  BuiltOnFirstCall(Supplier<? extends Function<T, R>> factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  @Override
  public R apply(T input) {
    Function<T, R> function = built;
    if (function == null) {
      synchronized (this) {
        function = built;
        if (function == null) {
          function = factory.get();
          built = function;
        }
      }
    }
    return function.apply(input);
  }
}
