package app.stride.infra.config;

import java.util.Objects;

/**
 * The global stack: the directory that maps a keyed hash of a login id to a home region, and the
 * small HTTP service in front of it that every region calls.
 *
 * @param awsRegion the AWS region that hosts the directory
 * @param directoryTableName the DynamoDB table name
 */
public record GlobalConfig(String awsRegion, String directoryTableName) {

  /** Both values are required. */
  public GlobalConfig {
    Objects.requireNonNull(awsRegion, "awsRegion");
    Objects.requireNonNull(directoryTableName, "directoryTableName");
  }

  /** The directory Lambda (and its role and log group): named like the table. */
  public String directoryFunctionName() {
    return directoryTableName;
  }

  /** The Secrets Manager secret holding the directory API's request-signing secret. */
  public String directoryApiSecretName() {
    return directoryTableName + "-api-secret";
  }
}
