package app.stride.edge.observability;

import java.util.Objects;

/**
 * Which deployment a log line or metric comes from: the Stride region ({@code eu}, {@code us},
 * {@code apac}, from {@code STRIDE_REGION}) and the function (the spec's {@code x-stride-function},
 * e.g. {@code profiles}). Both are configuration, never request data.
 *
 * @param region the Stride region id
 * @param function the function name
 */
public record ServiceIdentity(String region, String function) {
  public ServiceIdentity {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(function, "function");
    if (region.isBlank() || function.isBlank()) {
      throw new IllegalArgumentException("region and function must not be blank");
    }
  }
}
