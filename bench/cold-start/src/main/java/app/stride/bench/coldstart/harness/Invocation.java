package app.stride.bench.coldstart.harness;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Invokes a handler the way the Lambda Java runtime does: a {@link RequestStreamHandler} gets the
 * raw event bytes; a {@link RequestHandler} gets the event decoded with the runtime's own
 * serializers ({@code aws-lambda-java-serialization}) into its declared input type, and its result
 * is encoded with them.
 */
final class Invocation {
  private Invocation() {}

  /** The response bytes of one invocation. */
  static byte[] invoke(Object handler, byte[] event, Context context) throws IOException {
    if (handler instanceof RequestStreamHandler stream) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      stream.handleRequest(new ByteArrayInputStream(event), out, context);
      return out.toByteArray();
    }
    if (handler instanceof RequestHandler<?, ?> pojo) {
      return invokePojo(pojo, event, context);
    }
    throw new IllegalArgumentException(
        handler.getClass().getName() + " is neither a RequestHandler nor a RequestStreamHandler");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static byte[] invokePojo(RequestHandler handler, byte[] event, Context context) {
    Class<?> input = inputType(handler.getClass());
    ClassLoader loader = handler.getClass().getClassLoader();
    Object request =
        LambdaEventSerializers.serializerFor(input, loader)
            .fromJson(new ByteArrayInputStream(event));
    Object result = handler.handleRequest(request, context);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (result != null) {
      PojoSerializer serializer = LambdaEventSerializers.serializerFor(result.getClass(), loader);
      serializer.toJson(result, out);
    }
    return out.toByteArray();
  }

  /** The {@code I} of {@code RequestHandler<I, O>} as the handler class declares it. */
  static Class<?> inputType(Class<?> handlerClass) {
    for (Class<?> c = handlerClass; c != null; c = c.getSuperclass()) {
      for (Type type : c.getGenericInterfaces()) {
        if (type instanceof ParameterizedType parameterized
            && parameterized.getRawType() == RequestHandler.class
            && parameterized.getActualTypeArguments()[0] instanceof Class<?> input) {
          return input;
        }
      }
    }
    throw new IllegalArgumentException(
        handlerClass.getName() + " must implement RequestHandler<I, O> with a concrete I");
  }
}
