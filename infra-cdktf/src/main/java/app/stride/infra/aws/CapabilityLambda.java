package app.stride.infra.aws;

import app.stride.infra.BuiltArtifact;
import app.stride.infra.capability.Capability;
import app.stride.infra.capability.RealtimeChannel;
import app.stride.infra.config.AuthConfig;
import app.stride.infra.config.ObservabilityConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.lambda_alias.LambdaAlias;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.constructs.Construct;

/**
 * A Lambda of one capability in one region: by default its HTTP function ({@code <name>Http} of its
 * jar); the chat channel's WebSocket function ({@link #realtime}) is another bean of the same jar
 * built the same way. SnapStart on published versions behind the alias {@value #ALIAS}, with its
 * log group, error and throttle alarms ({@link SpringLambda}) and a role limited to the
 * capability's own table and indexes, the tables it reads (read actions on the table only), its
 * events queue, the region's key and cursor key secret, its settings bundle where it has secret
 * settings ({@link SettingsBundleSecret}), and, where the capability pushes chat changes, {@code
 * execute-api:ManageConnections} on the region's WebSocket API stage ({@link RealtimeApi}). The
 * HTTP function (behind the edge, rate-limited) runs in the region's network and signs in to its
 * Redis ({@link RegionRedis}); the WebSocket function does neither.
 */
public final class CapabilityLambda extends Construct {

  /** The alias API Gateway invokes; it always points at the latest published version. */
  public static final String ALIAS = "live";

  /** Memory of an HTTP function. */
  public static final int MEMORY_MB = 1024;

  /** Time limit of one request. */
  public static final int TIMEOUT_SECONDS = 10;

  /**
   * The variable carrying the ARN of the cursor key secret: {@code <NAME>_ARN} of the variable the
   * code reads ({@code STRIDE_CURSOR_KEY}), which {@code SecretsOverlay} in shared-aws resolves.
   * The value itself is never put in the environment by infra.
   */
  public static final String CURSOR_KEY_ARN_ENV = "STRIDE_CURSOR_KEY_ARN";

  private final SpringLambda lambda;
  private final LambdaAlias alias;

  /**
   * Which bean of the capability's jar a function runs, under which name.
   *
   * @param functionName the function's (and its role's) name
   * @param definition the Spring Cloud Function bean
   * @param behindEdge whether it serves the HTTP API behind CloudFront, and so gets the origin
   *     secret ({@link EdgeProtection#ORIGIN_SECRET_ENV}); the WebSocket API has no CloudFront
   * @param push the WebSocket API the function pushes chat changes through, if any
   */
  public record Bean(
      String functionName, String definition, boolean behindEdge, Optional<RealtimeApi> push) {

    /** The HTTP function of {@code runtime}'s capability ({@code stride-<name>-<id>}). */
    public static Bean http(CapabilityRuntime runtime, Optional<RealtimeApi> push) {
      Capability capability = runtime.capability();
      return new Bean(
          runtime.region().functionName(capability.name()),
          capability.httpDefinition(),
          true,
          push);
    }
  }

  /**
   * Creates the HTTP function from the built jar (hashed when it exists), with {@code
   * reservedConcurrency} reserved (see {@code FunctionLimits}).
   */
  public CapabilityLambda(
      Construct scope,
      String id,
      CapabilityRuntime runtime,
      AuthConfig auth,
      ObservabilityConfig observability,
      BuiltArtifact jar,
      int reservedConcurrency) {
    this(
        scope,
        id,
        runtime,
        Bean.http(runtime, Optional.empty()),
        auth,
        observability,
        jar,
        reservedConcurrency);
  }

  /**
   * The chat channel's WebSocket function {@code stride-<name>-realtime-<id>} ({@link
   * RealtimeChannel#definition()} of the capability's jar): the HTTP function's environment and
   * grants, since both serve the same store and push through {@code api}; no origin secret, since
   * no CloudFront is in front of the WebSocket API.
   */
  public static CapabilityLambda realtime(
      Construct scope,
      String id,
      CapabilityRuntime runtime,
      RealtimeChannel channel,
      RealtimeApi api,
      AuthConfig auth,
      ObservabilityConfig observability,
      BuiltArtifact jar,
      int reservedConcurrency) {
    if (!channel.name().equals(runtime.capability().name())) {
      throw new IllegalArgumentException(channel.name() + " channel on " + runtime.capability());
    }
    return new CapabilityLambda(
        scope,
        id,
        runtime,
        new Bean(
            runtime.region().realtimeFunctionName(channel.name()),
            channel.definition(),
            false,
            Optional.of(api)),
        auth,
        observability,
        jar,
        reservedConcurrency);
  }

  /** Creates the function running {@code bean} from the built jar. */
  public CapabilityLambda(
      Construct scope,
      String id,
      CapabilityRuntime runtime,
      Bean bean,
      AuthConfig auth,
      ObservabilityConfig observability,
      BuiltArtifact jar,
      int reservedConcurrency) {
    super(scope, id);
    Capability capability = runtime.capability();
    Map<String, String> env = runtime.dataEnvironment(true);
    env.put("STRIDE_JWT_ISSUER", auth.jwtIssuer());
    env.put("STRIDE_JWT_AUDIENCE", auth.functionAudience());
    env.put("STRIDE_JWKS_URL", auth.jwksUrl());
    env.put(CURSOR_KEY_ARN_ENV, runtime.stores().cursorKey().arn());
    env.putAll(runtime.resourceEnvironment());
    if (bean.behindEdge()) {
      env.put(EdgeProtection.ORIGIN_SECRET_ENV, EdgeProtection.ORIGIN_SECRET_REFERENCE);
    }
    List<DataAwsIamPolicyDocumentStatement> grants = new ArrayList<>();
    grants.add(runtime.tableGrant());
    grants.addAll(runtime.readGrants());
    runtime.eventsGrant().ifPresent(grants::add);
    grants.add(runtime.keyGrant());
    grants.add(runtime.cursorKeyGrant());
    grants.addAll(runtime.resourceGrants());
    runtime.workSendGrant().ifPresent(grants::add);
    bean.push()
        .ifPresent(
            api -> {
              env.put(RealtimeApi.ENDPOINT_ENV, api.managementEndpoint());
              grants.add(api.manageConnectionsGrant());
            });
    Optional<SpringLambda.Network> network = Optional.empty();
    if (bean.behindEdge()) {
      RegionRedis redis = runtime.stores().redis();
      env.putAll(redis.environment());
      grants.addAll(redis.grants());
      network = Optional.of(redis.network());
    }
    lambda =
        new SpringLambda(
            this,
            "lambda",
            new SpringLambda.Spec(
                bean.functionName(),
                capability.awsMainClass(),
                bean.definition(),
                TIMEOUT_SECONDS,
                true,
                env,
                grants),
            SpringLambda.Sizing.arm64(MEMORY_MB, reservedConcurrency),
            network,
            jar,
            observability,
            runtime.region().id());
    alias =
        LambdaAlias.Builder.create(this, "alias")
            .name(ALIAS)
            .functionName(lambda.function().getFunctionName())
            .functionVersion(lambda.function().getVersion())
            .build();
  }

  /** The function's name. */
  public String functionName() {
    return lambda.function().getFunctionName();
  }

  /** The ARN of the function's role. */
  public String roleArn() {
    return lambda.roleArn();
  }

  /** The {@value #ALIAS} alias. */
  public LambdaAlias alias() {
    return alias;
  }
}
