package app.stride.infra.aws;

import static app.stride.infra.aws.FunctionRole.allow;

import app.stride.infra.BuiltArtifact;
import app.stride.infra.config.AuthConfig;
import app.stride.infra.config.ObservabilityConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.lambda_alias.LambdaAlias;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The profiles HTTP Lambda of one region ({@code profilesHttp}): SnapStart on published versions
 * behind the alias {@value #ALIAS}, with its log group, role and error alarm.
 */
public final class ProfilesLambda extends Construct {

  /** The alias API Gateway invokes; it always points at the latest published version. */
  public static final String ALIAS = "live";

  /** The deployable's {@code MAIN_CLASS} (same jar for every profiles Lambda). */
  public static final String MAIN_CLASS = "app.stride.profiles.aws.ProfilesAwsApplication";

  /** Spring Cloud Function's generic Lambda entry point. */
  public static final String HANDLER = SpringLambda.HANDLER;

  /** Item-level DynamoDB actions the profiles adapter uses; no scans, no transactions. */
  public static final List<String> TABLE_ACTIONS =
      List.of(
          "dynamodb:GetItem",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
          "dynamodb:Query",
          "dynamodb:ConditionCheckItem");

  /**
   * The variable carrying the ARN of the cursor key secret. The value itself ({@code
   * STRIDE_CURSOR_KEY}) is never put in the environment by infra.
   */
  public static final String CURSOR_KEY_SECRET_ARN_ENV = "STRIDE_CURSOR_KEY_SECRET_ARN";

  private final SpringLambda lambda;
  private final LambdaAlias alias;

  /** Memory of the HTTP function. */
  public static final int MEMORY_MB = 1024;

  /**
   * Creates the function from the built jar (hashed when it exists), with {@code
   * reservedConcurrency} reserved (see {@code FunctionLimits}).
   */
  public ProfilesLambda(
      Construct scope,
      String id,
      RegionConfig region,
      AuthConfig auth,
      ObservabilityConfig observability,
      BuiltArtifact jar,
      ProfilesTable table,
      ProfileEventsQueue events,
      RegionKey key,
      CursorKeySecret cursorKey,
      int reservedConcurrency) {
    super(scope, id);
    Map<String, String> env = new LinkedHashMap<>();
    env.put("STRIDE_REGION", region.id());
    env.put("STRIDE_PROFILES_TABLE", table.name());
    env.put("STRIDE_EVENTS_QUEUE_URL", events.url());
    env.put("STRIDE_JWT_ISSUER", auth.jwtIssuer());
    env.put("STRIDE_JWT_AUDIENCE", auth.functionAudience());
    env.put("STRIDE_JWKS_URL", auth.jwksUrl());
    env.put(CURSOR_KEY_SECRET_ARN_ENV, cursorKey.arn());
    env.put(EdgeProtection.ORIGIN_SECRET_ENV, EdgeProtection.ORIGIN_SECRET_REFERENCE);
    lambda =
        new SpringLambda(
            this,
            "lambda",
            new SpringLambda.Spec(
                region.profilesFunctionName(),
                MAIN_CLASS,
                "profilesHttp",
                10,
                true,
                env,
                List.of(
                    allow("ProfilesTable", TABLE_ACTIONS, table.arn(), table.arn() + "/index/*"),
                    allow("ProfileEvents", List.of("sqs:SendMessage"), events.arn()),
                    allow("RegionKey", List.of("kms:Decrypt", "kms:GenerateDataKey"), key.arn()),
                    allow("CursorKey", List.of("secretsmanager:GetSecretValue"), cursorKey.arn()))),
            SpringLambda.Sizing.arm64(MEMORY_MB, reservedConcurrency),
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
