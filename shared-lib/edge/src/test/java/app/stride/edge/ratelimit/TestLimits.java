package app.stride.edge.ratelimit;

import app.stride.apispecs.ApiSpecs;
import app.stride.core.openapi.OpenApiSpec;
import app.stride.core.openapi.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** The real specs' operations and the limit fixtures under {@code src/test/resources/ratelimit}. */
final class TestLimits {
  private TestLimits() {}

  /** Every operation the local gateway serves: the mobile API and the local-dev routes. */
  static List<Operation> operations() {
    try (InputStream mobile = ApiSpecs.mobileApi();
        InputStream local = ApiSpecs.localDev()) {
      return Stream.concat(
              OpenApiSpec.read("mobile-api", mobile).operations().stream(),
              OpenApiSpec.read("local-dev", local).operations().stream())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fixture under {@code ratelimit/}, checked against {@link #operations()}. */
  static RateLimitConfig fixture(String name) {
    try (InputStream in = open(name)) {
      return RateLimitConfig.readYaml(in, operations());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static InputStream open(String name) {
    InputStream in = TestLimits.class.getClassLoader().getResourceAsStream("ratelimit/" + name);
    if (in == null) {
      throw new IllegalArgumentException("no fixture " + name);
    }
    return in;
  }

  /** A bucket of {@code capacity} tokens gaining {@code refill} per {@code period}. */
  static Bucket bucket(
      String routeClass,
      Dimension dimension,
      String subject,
      int capacity,
      int refill,
      Duration period) {
    return new Bucket(
        BucketKey.of(routeClass, dimension, subject), new BucketSpec(capacity, refill, period));
  }
}
