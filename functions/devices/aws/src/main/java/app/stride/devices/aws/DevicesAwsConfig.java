package app.stride.devices.aws;

import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.aws.dynamodb.TableNames;
import app.stride.aws.sqs.SqsSettings;
import app.stride.core.config.Env;
import app.stride.core.region.RegionId;
import app.stride.devices.aws.adapter.out.s3.S3Settings;
import app.stride.devices.aws.adapter.out.sqs.WorkQueueSettings;

/**
 * The devices deployable's configuration on AWS, read once from the environment infra sets.
 *
 * @param region the Stride region served ({@code STRIDE_REGION})
 * @param tableName the devices table ({@code STRIDE_DEVICES_TABLE}, default {@code
 *     stride-devices-<region>})
 * @param dynamoDb where the DynamoDB client connects
 * @param sqs where activity events are sent
 * @param s3 the region's bucket (raw originals, sample streams)
 * @param workQueue the region's work queue (verified webhook notifications)
 * @param createTable whether to create the table when missing: only with {@value
 *     #CREATE_TABLES_ENV}{@code =true} and a local endpoint
 */
public record DevicesAwsConfig(
    RegionId region,
    String tableName,
    DynamoDbSettings dynamoDb,
    SqsSettings sqs,
    S3Settings s3,
    WorkQueueSettings workQueue,
    boolean createTable) {

  /** The capability's name in table names. */
  public static final String CAPABILITY = "devices";

  /** The switch that lets the function create its table when missing (local platform, tests). */
  public static final String CREATE_TABLES_ENV = "STRIDE_CREATE_TABLES";

  /** Reads the configuration. */
  public static DevicesAwsConfig fromEnv(Env env) {
    RegionId region = RegionId.of(env.require("STRIDE_REGION"));
    return new DevicesAwsConfig(
        region,
        TableNames.fromEnv(env, "STRIDE_DEVICES_TABLE", CAPABILITY, region),
        DynamoDbSettings.fromEnv(env),
        SqsSettings.fromEnv(env),
        S3Settings.fromEnv(env),
        WorkQueueSettings.fromEnv(env),
        env.flag(CREATE_TABLES_ENV) && env.optional(DynamoDbSettings.ENDPOINT_ENV).isPresent());
  }
}
