package app.stride.aws.lambda;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads AWS event fixtures from {@code src/test/resources/events} the way the Lambda adapter does.
 */
final class Fixtures {
  private Fixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = open(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T> T event(String name, Class<T> type) {
    try (InputStream in = open(name)) {
      return LambdaEventSerializers.serializerFor(type, Fixtures.class.getClassLoader())
          .fromJson(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String name) {
    InputStream in = Fixtures.class.getResourceAsStream("/events/" + name);
    if (in == null) {
      throw new IllegalArgumentException("no fixture events/" + name);
    }
    return in;
  }
}
