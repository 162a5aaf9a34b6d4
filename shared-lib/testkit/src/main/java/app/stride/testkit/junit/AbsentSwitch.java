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

  /**
   * For a suite that runs in part without the Google emulators: fails (with what is missing and how
   * to fix it) unless they were declared absent, and otherwise records loudly, like a suite that
   * did not run, which part was left out. Returns whether the emulators are present.
   *
   * @param part names the checks that need the emulators, e.g. {@code "LocalPlatformIT: apac
   *     region"}
   */
  public static boolean gcloudEmulatorsOrReport(String part) {
    app.stride.testkit.server.Availability firestore =
        app.stride.testkit.server.GcloudEmulators.firestore();
    app.stride.testkit.server.Availability pubSub =
        app.stride.testkit.server.GcloudEmulators.pubSub();
    if (firestore.isPresent() && pubSub.isPresent()) {
      return true;
    }
    String reason = !firestore.isPresent() ? firestore.reason() : pubSub.reason();
    if (!gcloudDeclaredAbsent()) {
      throw new AssertionError(
          part
              + " needs the Google Cloud CLI emulators: "
              + reason
              + ". Install them, or declare them absent with -D"
              + PROPERTY
              + "=true (the part is then reported as not run).");
    }
    NotRunReport.record(
        part, "Firestore and Pub/Sub emulators", reason, System.err, NotRunReport.defaultFile());
    return false;
  }

  static boolean declaredAbsent(String property, String environmentVariable) {
    return isTrue(property) || isTrue(environmentVariable);
  }

  private static boolean isTrue(String value) {
    return value != null && value.trim().equalsIgnoreCase("true");
  }
}
