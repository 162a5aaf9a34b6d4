package app.stride.infra.aws;

import static app.stride.infra.aws.FunctionRole.allow;

import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.apigatewayv2_api.Apigatewayv2Api;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import java.util.List;
import software.constructs.Construct;

/**
 * The region's chat channel: the API Gateway WebSocket API {@code stride-chat-<id>} ({@code
 * docs/chat.md}). Declared before the functions, since both social Lambdas push through its
 * management API ({@link #managementEndpoint()}, {@link #manageConnectionsGrant()}); its routes and
 * stage come with the realtime Lambda ({@link RealtimeRoutes}).
 *
 * <p>Frames are JSON objects with a {@code type}, so routes are selected on {@value
 * #ROUTE_SELECTION}; only {@code $default} is routed, so every frame, even one that is not JSON or
 * has an unknown type, reaches the function, which answers it with the protocol's error frame.
 */
public final class RealtimeApi extends Construct {

  /** The stage clients connect to ({@code wss://<api>.execute-api.<region>.amazonaws.com/live}). */
  public static final String STAGE = "live";

  /** Route selection on the frame's {@code type}. */
  public static final String ROUTE_SELECTION = "$request.body.type";

  /**
   * The variable both social Lambdas read the management endpoint from ({@code SocialAwsConfig}).
   */
  public static final String ENDPOINT_ENV = "STRIDE_WEBSOCKET_ENDPOINT";

  private final RegionConfig region;
  private final Apigatewayv2Api api;

  /** Creates the WebSocket API of {@code region}. */
  public RealtimeApi(Construct scope, String id, RegionConfig region) {
    super(scope, id);
    this.region = region;
    api =
        Apigatewayv2Api.Builder.create(this, "api")
            .name("stride-chat-" + region.id())
            .description("Stride chat channel of " + region.id() + " (docs/chat.md)")
            .protocolType("WEBSOCKET")
            .routeSelectionExpression(ROUTE_SELECTION)
            .build();
  }

  /** The API's id. */
  public String apiId() {
    return api.getId();
  }

  /** The API's execution ARN. */
  public String executionArn() {
    return api.getExecutionArn();
  }

  /**
   * The management API of the {@value #STAGE} stage ({@code POST @connections/{id}}): {@code
   * https://<api id>.execute-api.<location>.amazonaws.com/live}.
   */
  public String managementEndpoint() {
    return "https://"
        + api.getId()
        + ".execute-api."
        + region.location()
        + ".amazonaws.com/"
        + STAGE;
  }

  /** The ARN pattern of pushes to this API's connections on the {@value #STAGE} stage. */
  public String connectionsArn() {
    return api.getExecutionArn() + "/" + STAGE + "/POST/@connections/*";
  }

  /** Pushing to this API's connections, and nothing else of the management API. */
  public DataAwsIamPolicyDocumentStatement manageConnectionsGrant() {
    return allow("ManageConnections", List.of("execute-api:ManageConnections"), connectionsArn());
  }
}
