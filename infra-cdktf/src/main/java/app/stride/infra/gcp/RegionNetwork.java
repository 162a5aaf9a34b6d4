package app.stride.infra.gcp;

import app.stride.infra.config.CacheConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.google.compute_network.ComputeNetwork;
import com.hashicorp.cdktf.providers.google.vpc_access_connector.VpcAccessConnector;
import java.util.regex.Pattern;
import software.constructs.Construct;

/**
 * The region's private network, there only so the HTTP functions reach the region's Redis ({@link
 * RegionRedis}): a VPC network {@code stride-<regionId>} without subnets of its own (custom subnet
 * mode, regional routing) and a Serverless VPC Access connector {@code stride-<regionId>} on it, in
 * the region, on {@link CacheConfig#top28()}. The connector's instances ({@value #MACHINE_TYPE},
 * {@value #MIN_INSTANCES}..{@value #MAX_INSTANCES}) carry the functions' traffic to private ranges
 * only: everything else (Firestore, Pub/Sub, providers' APIs) leaves the function directly, so no
 * Cloud NAT is needed.
 */
public final class RegionNetwork extends Construct {

  /** The connector's machine type, the smallest (about 100 Mbit/s per instance). */
  public static final String MACHINE_TYPE = "e2-micro";

  /** Connector instances always running (the minimum Google allows, also the default). */
  public static final int MIN_INSTANCES = 2;

  /** Connector instances at most. */
  public static final int MAX_INSTANCES = 3;

  /** Google's rule for a connector's name: at most 25 characters. */
  private static final Pattern CONNECTOR_NAME = Pattern.compile("[a-z][-a-z0-9]{0,23}[a-z0-9]");

  private final ComputeNetwork network;
  private final VpcAccessConnector connector;

  /** Declares the network and its connector for {@code region}. */
  public RegionNetwork(Construct scope, String id, RegionConfig region, CacheConfig cache) {
    super(scope, id);
    String name = "stride-" + region.id();
    if (!CONNECTOR_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a valid connector name: " + name);
    }
    network =
        ComputeNetwork.Builder.create(this, "network")
            .project(region.gcpProject())
            .name(name)
            .description("Stride " + region.id() + ": the functions' path to the region's Redis")
            .autoCreateSubnetworks(false)
            .routingMode("REGIONAL")
            .build();
    connector =
        VpcAccessConnector.Builder.create(this, "connector")
            .project(region.gcpProject())
            .region(region.location())
            .name(name)
            .network(network.getName())
            .ipCidrRange(cache.top28())
            .machineType(MACHINE_TYPE)
            .minInstances(MIN_INSTANCES)
            .maxInstances(MAX_INSTANCES)
            .build();
  }

  /** The network's id ({@code projects/<p>/global/networks/<name>}), for Memorystore. */
  public String networkId() {
    return network.getId();
  }

  /** The connector's id ({@code projects/<p>/locations/<l>/connectors/<name>}), for functions. */
  public String connectorId() {
    return connector.getId();
  }
}
