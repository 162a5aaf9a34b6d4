package app.stride.directory.aws;

import app.stride.aws.client.AwsRegions;
import app.stride.aws.directory.DynamoDirectory;
import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.core.config.Env;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * The directory deployable's configuration, read once from the environment infra sets.
 *
 * @param tableName the directory table ({@value #TABLE_ENV}, default {@value
 *     DynamoDirectory#TABLE})
 * @param dynamoDb where the DynamoDB client connects: {@code AWS_REGION} (set by Lambda; locally it
 *     defaults to {@value #LOCAL_AWS_REGION} when {@code STRIDE_DYNAMODB_ENDPOINT} is set)
 * @param apiSecret where the request-signing secret comes from
 * @param createTable whether to create the table when missing: only with {@value
 *     #CREATE_TABLES_ENV}{@code =true} and a local endpoint, so a cold start in the cloud never
 *     pays a {@code DescribeTable}
 */
public record DirectoryAwsConfig(
    String tableName, DynamoDbSettings dynamoDb, ApiSecret apiSecret, boolean createTable) {

  /** The variable naming the table. */
  public static final String TABLE_ENV = "STRIDE_DIRECTORY_TABLE";

  /** The switch that lets the function create its table when missing (local platform, tests). */
  public static final String CREATE_TABLES_ENV = "STRIDE_CREATE_TABLES";

  /** The AWS region assumed for a local endpoint when {@code AWS_REGION} is not set. */
  public static final String LOCAL_AWS_REGION = "eu-central-1";

  /** Reads the configuration; fails fast on a missing or malformed setting. */
  public static DirectoryAwsConfig fromEnv(Env env) {
    Optional<URI> endpoint = env.optional(DynamoDbSettings.ENDPOINT_ENV).map(URI::create);
    Region region =
        env.optional(AwsRegions.AWS_REGION_ENV)
            .map(Region::of)
            .orElseGet(
                () -> {
                  if (endpoint.isEmpty()) {
                    throw new IllegalStateException(
                        "missing configuration " + AwsRegions.AWS_REGION_ENV);
                  }
                  return Region.of(LOCAL_AWS_REGION);
                });
    return new DirectoryAwsConfig(
        env.optional(TABLE_ENV).orElse(DynamoDirectory.TABLE),
        new DynamoDbSettings(region, endpoint),
        ApiSecret.fromEnv(env),
        env.flag(CREATE_TABLES_ENV) && endpoint.isPresent());
  }
}
