package app.stride.infra.aws;

import app.stride.infra.BuiltArtifact;
import app.stride.infra.capability.Capability;
import app.stride.infra.config.AuthConfig;
import app.stride.infra.config.ObservabilityConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.lambda_alias.LambdaAlias;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The HTTP Lambda of one capability in one region ({@code <name>Http} of its jar): SnapStart on
 * published versions behind the alias {@value #ALIAS}, with its log group, error and throttle
 * alarms ({@link SpringLambda}) and a role limited to the capability's own table and indexes, the
 * tables it reads (read actions on the table only), its events queue, the region's key and cursor
 * key secret.
 */
public final class CapabilityLambda extends Construct {

  /** The alias API Gateway invokes; it always points at the latest published version. */
  public static final String ALIAS = "live";

  /** Memory of an HTTP function. */
  public static final int MEMORY_MB = 1024;

  /** Time limit of one request. */
  public static final int TIMEOUT_SECONDS = 10;

  /**
   * The variable carrying the ARN of the cursor key secret. The value itself ({@code
   * STRIDE_CURSOR_KEY}) is never put in the environment by infra.
   */
  public static final String CURSOR_KEY_SECRET_ARN_ENV = "STRIDE_CURSOR_KEY_SECRET_ARN";

  private final SpringLambda lambda;
  private final LambdaAlias alias;

  /**
   * Creates the function from the built jar (hashed when it exists), with {@code
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
    super(scope, id);
    Capability capability = runtime.capability();
    Map<String, String> env = runtime.dataEnvironment(true);
    env.put("STRIDE_JWT_ISSUER", auth.jwtIssuer());
    env.put("STRIDE_JWT_AUDIENCE", auth.functionAudience());
    env.put("STRIDE_JWKS_URL", auth.jwksUrl());
    env.put(CURSOR_KEY_SECRET_ARN_ENV, runtime.stores().cursorKey().arn());
    env.put(EdgeProtection.ORIGIN_SECRET_ENV, EdgeProtection.ORIGIN_SECRET_REFERENCE);
    List<DataAwsIamPolicyDocumentStatement> grants = new ArrayList<>();
    grants.add(runtime.tableGrant());
    grants.addAll(runtime.readGrants());
    runtime.eventsGrant().ifPresent(grants::add);
    grants.add(runtime.keyGrant());
    grants.add(runtime.cursorKeyGrant());
    lambda =
        new SpringLambda(
            this,
            "lambda",
            new SpringLambda.Spec(
                runtime.region().functionName(capability.name()),
                capability.awsMainClass(),
                capability.httpDefinition(),
                TIMEOUT_SECONDS,
                true,
                env,
                grants),
            SpringLambda.Sizing.arm64(MEMORY_MB, reservedConcurrency),
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

  /** The {@value #ALIAS} alias. */
  public LambdaAlias alias() {
    return alias;
  }
}
