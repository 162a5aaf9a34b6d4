package app.stride.workouts.aws;

import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.aws.dynamodb.TableNames;
import app.stride.aws.sqs.SqsSettings;
import app.stride.core.config.Env;
import app.stride.core.region.RegionId;

/**
 * The workouts deployable's configuration on AWS, read once from the environment infra sets.
 *
 * @param region the Stride region served ({@code STRIDE_REGION})
 * @param tableName the workouts table ({@code STRIDE_WORKOUTS_TABLE}, default {@code
 *     stride-workouts-<region>})
 * @param profilesTable the profiles table, read for unit preferences only ({@code
 *     STRIDE_PROFILES_TABLE}, default {@code stride-profiles-<region>})
 * @param dynamoDb where the DynamoDB client connects
 * @param sqs where events are sent
 * @param createTable whether to create the workouts table when missing: only with {@value
 *     #CREATE_TABLES_ENV}{@code =true} and a local endpoint
 */
public record WorkoutsAwsConfig(
    RegionId region,
    String tableName,
    String profilesTable,
    DynamoDbSettings dynamoDb,
    SqsSettings sqs,
    boolean createTable) {

  /** The capability's name in table names. */
  public static final String CAPABILITY = "workouts";

  /** The switch that lets the function create its table when missing (local platform, tests). */
  public static final String CREATE_TABLES_ENV = "STRIDE_CREATE_TABLES";

  /** Reads the configuration. */
  public static WorkoutsAwsConfig fromEnv(Env env) {
    RegionId region = RegionId.of(env.require("STRIDE_REGION"));
    return new WorkoutsAwsConfig(
        region,
        TableNames.fromEnv(env, "STRIDE_WORKOUTS_TABLE", CAPABILITY, region),
        TableNames.fromEnv(env, "STRIDE_PROFILES_TABLE", "profiles", region),
        DynamoDbSettings.fromEnv(env),
        SqsSettings.fromEnv(env),
        env.flag(CREATE_TABLES_ENV) && env.optional(DynamoDbSettings.ENDPOINT_ENV).isPresent());
  }
}
