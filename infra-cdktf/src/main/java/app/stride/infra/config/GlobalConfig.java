package app.stride.infra.config;

import java.util.Objects;

/**
 * The global stack: the directory that maps a keyed hash of a login id to a home region.
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
}
