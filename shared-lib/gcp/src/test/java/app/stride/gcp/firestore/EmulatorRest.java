package app.stride.gcp.firestore;

import app.stride.testkit.junit.FirestoreExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Reads documents straight from the emulator's REST API, bypassing the client under test: proof
 * that a write reached the emulator (and not the real service) and of what it stored.
 */
final class EmulatorRest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private EmulatorRest() {}

  /** The HTTP status and JSON of {@code documentPath} in the emulator's default database. */
  static HttpResponse<String> get(FirestoreExtension firestore, String documentPath)
      throws Exception {
    URI uri =
        firestore
            .endpoint()
            .resolve(
                "/v1/projects/"
                    + firestore.projectId()
                    + "/databases/(default)/documents/"
                    + documentPath);
    return HTTP.send(
        HttpRequest.newBuilder(uri).header("Authorization", "Bearer owner").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
