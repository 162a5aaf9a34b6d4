package app.stride.core.function;

import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ResolvableType;

/**
 * Registers functions with Spring Cloud Function by functional bean registration: no classpath
 * scanning, no reflection-heavy configuration classes, so a cold start pays only for what the
 * function uses.
 */
public final class StrideFunctions {
  private static final java.lang.reflect.Type HTTP_FUNCTION_TYPE =
      ResolvableType.forClassWithGenerics(Function.class, ApiRequest.class, ApiResponse.class)
          .getType();

  private StrideFunctions() {}

  /**
   * Registers a capability's HTTP function under {@code name}, built on its first call ({@link
   * Once}): the registration is instantiated when the context starts, whatever the entry point, the
   * function only when a request reaches it.
   */
  public static void registerHttp(
      GenericApplicationContext context,
      String name,
      Supplier<? extends Function<ApiRequest, ApiResponse>> function) {
    Supplier<? extends Function<ApiRequest, ApiResponse>> once = Once.of(function);
    Function<ApiRequest, ApiResponse> built = request -> once.get().apply(request);
    context.registerBean(
        name,
        FunctionRegistration.class,
        () -> new FunctionRegistration<>(built, name).type(HTTP_FUNCTION_TYPE));
  }
}
