package app.stride.local.region;

import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.openapi.Operation;
import app.stride.core.region.Region;

/**
 * A region whose servers cannot run on this machine: reported DOWN with the reason, answers 503.
 */
public final class UnavailableRegion implements RegionRuntime {
  private final Region region;
  private final String reason;

  public UnavailableRegion(Region region, String reason) {
    this.region = region;
    this.reason = reason;
  }

  @Override
  public Region region() {
    return region;
  }

  @Override
  public RegionHealth health() {
    return new RegionHealth(
        region.id().value(), region.cloud().id(), region.store().id(), null, "DOWN", reason);
  }

  @Override
  public ApiResponse invoke(Operation operation, ApiRequest request) {
    return AwsRegionRuntime.unavailable("Region " + region.id() + " is down locally: " + reason);
  }

  @Override
  public void close() {}
}
