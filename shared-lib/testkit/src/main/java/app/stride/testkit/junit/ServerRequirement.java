package app.stride.testkit.junit;

import app.stride.testkit.server.Availability;
import java.io.PrintStream;
import java.nio.file.Path;
import org.opentest4j.TestAbortedException;

/** Applies {@link MissingServerPolicy} before a test class starts its server. */
final class ServerRequirement {

  private ServerRequirement() {}

  /** Checks a Google emulator: the absent switch applies. */
  static void requireGcloudEmulator(String suite, String server, Availability availability) {
    require(
        suite,
        server,
        availability,
        true,
        AbsentSwitch.gcloudDeclaredAbsent(),
        System.err,
        NotRunReport.defaultFile());
  }

  /** Checks a server that must always be installed (no absent switch). */
  static void requireInstalled(String suite, String server, Availability availability) {
    require(suite, server, availability, false, false, System.err, NotRunReport.defaultFile());
  }

  static void require(
      String suite,
      String server,
      Availability availability,
      boolean absentSwitchApplies,
      boolean declaredAbsent,
      PrintStream err,
      Path notRunFile) {
    switch (MissingServerPolicy.decide(availability, absentSwitchApplies, declaredAbsent)) {
      case RUN:
        return;
      case ABORT:
        NotRunReport.record(suite, server, availability.reason(), err, notRunFile);
        throw new TestAbortedException(
            suite + " NOT RUN: " + server + " declared absent; " + availability.reason());
      case FAIL:
      default:
        throw new MissingServerException(
            failureMessage(suite, server, availability, absentSwitchApplies));
    }
  }

  static String failureMessage(
      String suite, String server, Availability availability, boolean absentSwitchApplies) {
    String message =
        suite + " needs the " + server + ", which cannot run here: " + availability.reason() + ".";
    if (absentSwitchApplies) {
      message +=
          " If this machine cannot have the Google Cloud CLI emulators, say so explicitly with -D"
              + AbsentSwitch.PROPERTY
              + "=true (or "
              + AbsentSwitch.ENVIRONMENT_VARIABLE
              + "=true): the suite is then aborted and listed in target/NOT-RUN.txt.";
    }
    return message;
  }
}
