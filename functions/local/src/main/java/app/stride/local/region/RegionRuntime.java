package app.stride.local.region;

import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.openapi.Operation;
import app.stride.core.region.Region;

/** A region running locally: the gateway sends each request for this region's users here. */
public interface RegionRuntime extends AutoCloseable {
  /** The configured region. */
  Region region();

  /** Whether the region's store and functions answer. */
  RegionHealth health();

  /** Serves {@code request} with the function the spec names for {@code operation}. */
  ApiResponse invoke(Operation operation, ApiRequest request);

  @Override
  void close();
}
