package app.stride.planner.aws;

import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.aws.dynamodb.TableNames;
import app.stride.core.config.Env;
import app.stride.core.region.RegionId;
import java.net.URI;
import java.util.Optional;

/**
 * The planner deployable's configuration on AWS, read once from the environment infra sets.
 *
 * @param region the Stride region served ({@code STRIDE_REGION})
 * @param tableName the plan table ({@code STRIDE_PLANNER_TABLE}, default {@code
 *     stride-planner-<region>})
 * @param workoutsTable the workouts table read for links ({@code STRIDE_WORKOUTS_TABLE}, default
 *     {@code stride-workouts-<region>}); read-only
 * @param dynamoDb where the DynamoDB client connects
 * @param publicApiUrl the API's public base URL, for calendar feed links ({@code
 *     STRIDE_API_PUBLIC_URL}, e.g. {@code https://api.stride.app}); empty to use the request's host
 * @param createTable whether to create the plan table when missing: only with {@value
 *     #CREATE_TABLES_ENV}{@code =true} and a local endpoint (the workouts table is never created
 *     here: it belongs to the workouts capability)
 */
public record PlannerAwsConfig(
    RegionId region,
    String tableName,
    String workoutsTable,
    DynamoDbSettings dynamoDb,
    Optional<URI> publicApiUrl,
    boolean createTable) {

  /** The capability's name in table names. */
  public static final String CAPABILITY = "planner";

  /** The switch that lets the function create its table when missing (local platform, tests). */
  public static final String CREATE_TABLES_ENV = "STRIDE_CREATE_TABLES";

  /** The API's public base URL, for calendar feed links. */
  public static final String PUBLIC_API_URL_ENV = "STRIDE_API_PUBLIC_URL";

  /** Reads the configuration. */
  public static PlannerAwsConfig fromEnv(Env env) {
    RegionId region = RegionId.of(env.require("STRIDE_REGION"));
    return new PlannerAwsConfig(
        region,
        TableNames.fromEnv(env, "STRIDE_PLANNER_TABLE", CAPABILITY, region),
        TableNames.fromEnv(env, "STRIDE_WORKOUTS_TABLE", "workouts", region),
        DynamoDbSettings.fromEnv(env),
        env.optional(PUBLIC_API_URL_ENV).map(URI::create),
        env.flag(CREATE_TABLES_ENV) && env.optional(DynamoDbSettings.ENDPOINT_ENV).isPresent());
  }
}
