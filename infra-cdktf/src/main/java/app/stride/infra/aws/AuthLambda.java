package app.stride.infra.aws;

import app.stride.infra.BuiltArtifact;
import app.stride.infra.config.ObservabilityConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.lambda_alias.LambdaAlias;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.constructs.Construct;

/**
 * The auth HTTP Lambda of one region ({@value #DEFINITION}): arm64, {@value #MEMORY_MB} MB
 * (Argon2id needs about 19 MiB per hash, and Lambda's CPU grows with memory, which is what hashing
 * needs), a reserved concurrency that caps the hashing load, SnapStart on published versions behind
 * the alias {@value #ALIAS}, with its log group, role and error alarm; in the region's network,
 * signing in to its Redis (the login throttle's counters and the edge's buckets, {@link
 * RegionRedis}).
 */
public final class AuthLambda extends Construct {

  /** The Spring Cloud Function bean serving the {@code auth} operations of the mobile API. */
  public static final String DEFINITION = "authHttp";

  /** The alias API Gateway invokes; it always points at the latest published version. */
  public static final String ALIAS = "live";

  /** Memory of the HTTP function. */
  public static final int MEMORY_MB = 1024;

  /** Time limit of one request: hashing, the directory call and SES each take their share. */
  public static final int TIMEOUT_SECONDS = 15;

  private final SpringLambda lambda;
  private final LambdaAlias alias;

  /** Creates the function from the built jar (hashed when it exists). */
  public AuthLambda(
      Construct scope,
      String id,
      RegionConfig region,
      AuthRuntime runtime,
      int reservedConcurrency,
      ObservabilityConfig observability,
      BuiltArtifact jar,
      RegionRedis redis) {
    super(scope, id);
    Map<String, String> env = new LinkedHashMap<>(runtime.environment(true));
    env.putAll(redis.environment());
    List<DataAwsIamPolicyDocumentStatement> grants =
        new ArrayList<>(
            List.of(
                runtime.tableGrant(),
                runtime.eventsGrant(),
                runtime.keyGrant(),
                runtime.secretsGrant(),
                runtime.mailGrant()));
    grants.addAll(redis.grants());
    lambda =
        new SpringLambda(
            this,
            "lambda",
            new SpringLambda.Spec(
                region.authFunctionName(),
                AuthRuntime.MAIN_CLASS,
                DEFINITION,
                TIMEOUT_SECONDS,
                true,
                env,
                grants),
            SpringLambda.Sizing.arm64(MEMORY_MB, reservedConcurrency),
            Optional.of(redis.network()),
            jar,
            observability,
            region.id());
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
