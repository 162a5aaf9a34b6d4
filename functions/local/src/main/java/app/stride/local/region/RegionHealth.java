package app.stride.local.region;

import app.stride.core.region.Region;
import app.stride.local.process.ChildJvm;
import app.stride.testkit.server.Loopback;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.Collection;

/**
 * A region's line in {@code GET /health}.
 *
 * @param id the region id
 * @param cloud {@code aws} or {@code gcp}
 * @param store {@code dynamodb} or {@code firestore}
 * @param endpoint the local store's endpoint, when it runs
 * @param status {@code UP} or {@code DOWN}
 * @param reason why it is down
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegionHealth(
    String id, String cloud, String store, String endpoint, String status, String reason) {

  /**
   * Probes a running region: UP when its store accepts connections on loopback and every function
   * host is alive.
   *
   * @param storeName how the reason names the store, e.g. {@code dynalite}
   */
  public static RegionHealth probe(
      Region region, URI storeEndpoint, String storeName, Collection<ChildJvm> hosts) {
    boolean storeUp = Loopback.accepts(storeEndpoint.getHost(), storeEndpoint.getPort());
    boolean hostsUp = hosts.stream().allMatch(ChildJvm::isAlive);
    String reason =
        !storeUp ? storeName + " does not answer" : !hostsUp ? "a function host exited" : null;
    return new RegionHealth(
        region.id().value(),
        region.cloud().id(),
        region.store().id(),
        storeEndpoint.toString(),
        reason == null ? "UP" : "DOWN",
        reason);
  }
}
