package app.stride.core.region;

import java.util.Objects;

/**
 * One configured region: where its functions run and which store holds its users' data.
 *
 * @param id the Stride region id ({@code eu})
 * @param cloud the hosting cloud
 * @param cloudRegion the provider's region name ({@code eu-central-1})
 * @param store the document store of the region
 */
public record Region(RegionId id, Cloud cloud, String cloudRegion, StoreKind store) {
  public Region {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(cloud, "cloud");
    Objects.requireNonNull(cloudRegion, "cloudRegion");
    Objects.requireNonNull(store, "store");
  }
}
