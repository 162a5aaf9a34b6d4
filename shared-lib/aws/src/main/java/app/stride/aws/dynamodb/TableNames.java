package app.stride.aws.dynamodb;

import app.stride.core.config.Env;
import app.stride.core.region.RegionId;
import java.util.regex.Pattern;

/**
 * Table names: {@code stride-<capability>-<regionId>}, e.g. {@code stride-profiles-eu}. Infra
 * creates the tables under these names; a function may be pointed elsewhere by an explicit
 * variable.
 */
public final class TableNames {
  private static final Pattern CAPABILITY = Pattern.compile("[a-z][a-z0-9-]{1,30}");

  private TableNames() {}

  /** The default table of a capability in a region. */
  public static String of(String capability, RegionId region) {
    if (capability == null || !CAPABILITY.matcher(capability).matches()) {
      throw new IllegalArgumentException("capability must match " + CAPABILITY.pattern());
    }
    return "stride-" + capability + "-" + region.value();
  }

  /** The table named by {@code variable} when set, else {@link #of(String, RegionId)}. */
  public static String fromEnv(Env env, String variable, String capability, RegionId region) {
    return env.optional(variable).orElseGet(() -> of(capability, region));
  }
}
