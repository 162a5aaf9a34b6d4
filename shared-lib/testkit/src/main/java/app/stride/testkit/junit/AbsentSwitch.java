package app.stride.testkit.junit;

/**
 * The explicit declaration that the Google Cloud CLI emulators cannot exist on this machine: system
 * property {@code stride.gcloud.absent=true} or environment variable {@code
 * STRIDE_GCLOUD_ABSENT=true}. Either one set to {@code true} counts. It applies to the Google
 * emulators only; every other server must be installed.
 */
public final class AbsentSwitch {

  /** System property (the parent POM passes it to Failsafe, default {@code false}). */
  public static final String PROPERTY = "stride.gcloud.absent";

  /** Environment variable, for CI scripts. */
  public static final String ENVIRONMENT_VARIABLE = "STRIDE_GCLOUD_ABSENT";

  private AbsentSwitch() {}

  /** True when the build declared the Google emulators absent. */
  public static boolean gcloudDeclaredAbsent() {
    return declaredAbsent(System.getProperty(PROPERTY), System.getenv(ENVIRONMENT_VARIABLE));
  }

  static boolean declaredAbsent(String property, String environmentVariable) {
    return isTrue(property) || isTrue(environmentVariable);
  }

  private static boolean isTrue(String value) {
    return value != null && value.trim().equalsIgnoreCase("true");
  }
}
