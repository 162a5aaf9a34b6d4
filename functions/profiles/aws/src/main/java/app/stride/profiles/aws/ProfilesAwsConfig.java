package app.stride.profiles.aws;

import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.aws.dynamodb.TableNames;
import app.stride.aws.sqs.SqsSettings;
import app.stride.core.config.Env;
import app.stride.core.region.RegionId;

/**
 * The profiles deployable's configuration on AWS, read once from the environment infra sets.
 *
 * @param region the Stride region served ({@code STRIDE_REGION})
 * @param tableName the profile table ({@code STRIDE_PROFILES_TABLE}, default {@code
 *     stride-profiles-<region>})
 * @param dynamoDb where the DynamoDB client connects
 * @param sqs where events are sent
 * @param createTable whether to create the table when missing: only with {@value
 *     #CREATE_TABLES_ENV}{@code =true} and a local endpoint ({@code STRIDE_DYNAMODB_ENDPOINT}).
 *     Local mode alone does not imply it, so a cold start never pays a {@code DescribeTable} unless
 *     the local platform or a test asks for it
 */
public record ProfilesAwsConfig(
    RegionId region,
    String tableName,
    DynamoDbSettings dynamoDb,
    SqsSettings sqs,
    boolean createTable) {

  /** The capability's name in table names. */
  public static final String CAPABILITY = "profiles";

  /** The switch that lets the function create its table when missing (local platform, tests). */
  public static final String CREATE_TABLES_ENV = "STRIDE_CREATE_TABLES";

  /** Reads the configuration. */
  public static ProfilesAwsConfig fromEnv(Env env) {
    RegionId region = RegionId.of(env.require("STRIDE_REGION"));
    return new ProfilesAwsConfig(
        region,
        TableNames.fromEnv(env, "STRIDE_PROFILES_TABLE", CAPABILITY, region),
        DynamoDbSettings.fromEnv(env),
        SqsSettings.fromEnv(env),
        env.flag(CREATE_TABLES_ENV) && env.optional(DynamoDbSettings.ENDPOINT_ENV).isPresent());
  }
}
