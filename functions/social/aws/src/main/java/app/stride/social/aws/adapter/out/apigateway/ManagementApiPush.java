package app.stride.social.aws.adapter.out.apigateway;

import app.stride.aws.client.AwsClientDefaults;
import app.stride.social.application.port.out.ConnectionPush;
import app.stride.social.domain.ConnectionId;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClientBuilder;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/**
 * Pushes frames through API Gateway's management API ({@code POST @connections/{connectionId}} on
 * the WebSocket API's stage endpoint, {@code STRIDE_WEBSOCKET_ENDPOINT}); {@code 410 Gone} means
 * the client has left. The function's role may call {@code execute-api:ManageConnections} on this
 * API only (infra).
 */
public final class ManagementApiPush implements ConnectionPush {
  /** Where infra puts the stage's management endpoint, {@code https://<api>.execute-api...}. */
  public static final String ENDPOINT_ENV = "STRIDE_WEBSOCKET_ENDPOINT";

  private final ApiGatewayManagementApiClient client;

  public ManagementApiPush(ApiGatewayManagementApiClient client) {
    this.client = client;
  }

  /**
   * A client for the stage at {@code endpoint}. A loopback endpoint (the local platform's, a test
   * stub) is called with dummy credentials; any other with the function's own.
   */
  public static ApiGatewayManagementApiClient client(URI endpoint, Region region) {
    ApiGatewayManagementApiClientBuilder builder =
        AwsClientDefaults.apply(ApiGatewayManagementApiClient.builder(), region, Optional.empty())
            .endpointOverride(endpoint)
            .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(3)));
    if (isLoopback(endpoint)) {
      builder.credentialsProvider(
          StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    }
    return builder.build();
  }

  @Override
  public Result push(ConnectionId connection, String frame) {
    try {
      client.postToConnection(
          r -> r.connectionId(connection.value()).data(SdkBytes.fromUtf8String(frame)));
      return Result.DELIVERED;
    } catch (GoneException e) {
      return Result.GONE;
    }
  }

  private static boolean isLoopback(URI endpoint) {
    try {
      return endpoint.getHost() != null
          && InetAddress.getByName(endpoint.getHost()).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
