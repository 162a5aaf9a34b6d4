package app.stride.auth.aws.adapter.out.dynamodb;

import app.stride.aws.dynamodb.TableNames;
import app.stride.core.config.Env;
import app.stride.core.region.RegionId;
import java.util.Objects;

/**
 * Which table the auth stores of a region use.
 *
 * @param region the Stride region served ({@code STRIDE_REGION}); every store is bound to it
 * @param tableName the auth table ({@value #TABLE_ENV}, default {@code stride-auth-<region>})
 */
public record AuthTableConfig(RegionId region, String tableName) {
  /** The environment variable naming the table. */
  public static final String TABLE_ENV = "STRIDE_AUTH_TABLE";

  /** The capability's name in table names. */
  public static final String CAPABILITY = "auth";

  public AuthTableConfig {
    Objects.requireNonNull(region, "region");
    if (tableName == null || tableName.isBlank()) {
      throw new IllegalArgumentException("tableName must not be blank");
    }
  }

  /** The default table of {@code region}. */
  public static AuthTableConfig of(RegionId region) {
    return new AuthTableConfig(region, TableNames.of(CAPABILITY, region));
  }

  /** Reads {@code STRIDE_REGION} and {@value #TABLE_ENV}. */
  public static AuthTableConfig fromEnv(Env env) {
    RegionId region = RegionId.of(env.require("STRIDE_REGION"));
    return new AuthTableConfig(region, TableNames.fromEnv(env, TABLE_ENV, CAPABILITY, region));
  }
}
