package app.stride.local.realtime;

import app.stride.core.auth.TokenVerifier;
import app.stride.core.region.Cloud;
import app.stride.core.region.Region;
import app.stride.core.region.RegionId;
import app.stride.local.region.AwsRegionRuntime;
import app.stride.local.region.Deployable;
import app.stride.local.region.GcpRegionRuntime;
import app.stride.local.region.RegionRuntime;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The chat channel of the local platform: the management API the AWS regions' social functions push
 * through (started first, so its endpoint goes into their environment) and the WebSocket gateway
 * (started once the regions run), handing AWS regions' connections to their realtime Lambda host
 * and proxying GCP regions' connections to their chat server.
 */
public final class LocalRealtime implements AutoCloseable {
  private final LocalConnections connections = new LocalConnections();
  private final ManagementApi management;
  private WebSocketGateway gateway;

  private LocalRealtime() {
    this.management = ManagementApi.start(connections);
  }

  /** Starts the management API. */
  public static LocalRealtime start() {
    return new LocalRealtime();
  }

  /** What a function host needs beyond the rest: the management endpoint, for social on AWS. */
  public Map<String, String> functionEnv(Region region, Deployable deployable) {
    if (region.cloud() == Cloud.AWS && deployable.serves(Deployable.SOCIAL.function())) {
      return Map.of(
          "STRIDE_WEBSOCKET_ENDPOINT", management.endpoint(region.id().value()).toString());
    }
    return Map.of();
  }

  /**
   * Serves {@code ws://localhost:<port>/v1/ws} for every region whose channel runs.
   *
   * @param verifier finds the home region of a token when the client names no region
   */
  public void serve(int port, Map<RegionId, RegionRuntime> regions, TokenVerifier verifier) {
    Map<RegionId, RealtimeBackend> backends = new LinkedHashMap<>();
    regions.forEach(
        (id, runtime) -> {
          if (runtime instanceof AwsRegionRuntime aws) {
            aws.realtimeHostPort().ifPresent(p -> backends.put(id, new LambdaRealtimeBackend(p)));
          } else if (runtime instanceof GcpRegionRuntime gcp) {
            gcp.chatPort()
                .ifPresent(
                    p ->
                        backends.put(
                            id,
                            new ChatServerBackend(
                                URI.create("ws://127.0.0.1:" + p + ChatServerBackend.PATH))));
          }
        });
    gateway =
        new WebSocketGateway(
            new InetSocketAddress("127.0.0.1", port), Map.copyOf(backends), connections, verifier);
    gateway.startAndWait();
  }

  /** The channel's URL. */
  public String url() {
    return "ws://localhost:" + gateway.getPort() + WebSocketGateway.PATH;
  }

  @Override
  public void close() {
    if (gateway != null) {
      gateway.shutdown();
    }
    management.close();
  }
}
