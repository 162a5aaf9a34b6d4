package app.stride.gcp.firestore;

import app.stride.core.config.Env;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a function's Firestore lives.
 *
 * @param projectId the Google Cloud project
 * @param databaseId the Firestore database, {@code (default)} unless infra created a named one
 * @param emulatorHost {@code host:port} of a local emulator; empty in the cloud
 */
public record FirestoreConfig(String projectId, String databaseId, Optional<String> emulatorHost) {
  /** The database every project has. */
  public static final String DEFAULT_DATABASE = "(default)";

  public FirestoreConfig {
    Objects.requireNonNull(projectId, "projectId");
    databaseId = databaseId == null || databaseId.isBlank() ? DEFAULT_DATABASE : databaseId;
    emulatorHost = emulatorHost == null ? Optional.empty() : emulatorHost;
  }

  /**
   * Reads {@code STRIDE_FIRESTORE_PROJECT}, {@code STRIDE_FIRESTORE_DATABASE} and, locally only,
   * the emulator from {@code STRIDE_FIRESTORE_EMULATOR_HOST} (settable as a system property in
   * tests) or the standard {@code FIRESTORE_EMULATOR_HOST}.
   */
  public static FirestoreConfig fromEnv(Env env) {
    return new FirestoreConfig(
        env.require("STRIDE_FIRESTORE_PROJECT"),
        env.optional("STRIDE_FIRESTORE_DATABASE").orElse(DEFAULT_DATABASE),
        env.optional("STRIDE_FIRESTORE_EMULATOR_HOST")
            .or(() -> env.optional("FIRESTORE_EMULATOR_HOST")));
  }
}
