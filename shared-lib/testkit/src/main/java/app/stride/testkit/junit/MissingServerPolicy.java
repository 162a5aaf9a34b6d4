package app.stride.testkit.junit;

import app.stride.testkit.server.Availability;

/**
 * What a test class does about the server it needs: run, fail because the server is missing, or
 * abort loudly because the build declared the server absent. A missing server never lets tests pass
 * silently.
 */
final class MissingServerPolicy {

  /** The outcome for one test class. */
  enum Decision {
    /** The server is here: run the tests. */
    RUN,
    /** The server is missing and nobody said it may be: fail with what to install. */
    FAIL,
    /** The server is missing and declared absent: abort the class and report it as not run. */
    ABORT
  }

  private MissingServerPolicy() {}

  /**
   * Decides for one server.
   *
   * @param absentSwitchApplies whether the absent switch covers this server (Google emulators)
   * @param declaredAbsent whether the build set the absent switch
   */
  static Decision decide(
      Availability availability, boolean absentSwitchApplies, boolean declaredAbsent) {
    if (availability.isPresent()) {
      return Decision.RUN;
    }
    return absentSwitchApplies && declaredAbsent ? Decision.ABORT : Decision.FAIL;
  }
}
