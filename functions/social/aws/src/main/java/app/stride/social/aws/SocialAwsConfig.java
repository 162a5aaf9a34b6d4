package app.stride.social.aws;

import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.aws.dynamodb.TableNames;
import app.stride.core.config.Env;
import app.stride.core.region.RegionId;
import java.net.URI;
import java.util.Optional;

/**
 * The social deployable's configuration on AWS, read once from the environment infra sets.
 *
 * @param region the Stride region served ({@code STRIDE_REGION})
 * @param tableName the social table ({@code STRIDE_SOCIAL_TABLE}, default {@code
 *     stride-social-<region>})
 * @param dynamoDb where the DynamoDB client connects
 * @param createTable whether to create the table when missing: only with {@value
 *     #CREATE_TABLES_ENV}{@code =true} and a local endpoint ({@code STRIDE_DYNAMODB_ENDPOINT})
 * @param websocketEndpoint the WebSocket API stage's management endpoint ({@code
 *     STRIDE_WEBSOCKET_ENDPOINT}); without it no change is delivered in real time
 */
public record SocialAwsConfig(
    RegionId region,
    String tableName,
    DynamoDbSettings dynamoDb,
    boolean createTable,
    Optional<URI> websocketEndpoint) {

  /** The capability's name in table names. */
  public static final String CAPABILITY = "social";

  /** The switch that lets the function create its table when missing (local platform, tests). */
  public static final String CREATE_TABLES_ENV = "STRIDE_CREATE_TABLES";

  /** Reads the configuration. */
  public static SocialAwsConfig fromEnv(Env env) {
    RegionId region = RegionId.of(env.require("STRIDE_REGION"));
    return new SocialAwsConfig(
        region,
        TableNames.fromEnv(env, "STRIDE_SOCIAL_TABLE", CAPABILITY, region),
        DynamoDbSettings.fromEnv(env),
        env.flag(CREATE_TABLES_ENV) && env.optional(DynamoDbSettings.ENDPOINT_ENV).isPresent(),
        env.optional("STRIDE_WEBSOCKET_ENDPOINT").filter(v -> !v.isBlank()).map(URI::create));
  }
}
