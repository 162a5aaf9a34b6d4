package app.stride.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Run by two IT classes against the one Firestore emulator of the JVM: each finds the collection
 * empty (reset before the class) although both write to it.
 */
abstract class FirestoreContract {

  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();

  private static final Set<URI> ENDPOINTS_SEEN = ConcurrentHashMap.newKeySet();
  private static Firestore firestore;

  @BeforeAll
  static void connect() {
    // The setup that reaches the emulator: emulator host set, credentials left alone.
    firestore =
        FirestoreOptions.newBuilder()
            .setProjectId(FIRESTORE.projectId())
            .setEmulatorHost(FIRESTORE.emulatorHost())
            .build()
            .getService();
  }

  @AfterAll
  static void disconnect() throws Exception {
    firestore.close();
  }

  @Test
  void resetBeforeEachClass_documentWrittenByTheClientIsInTheEmulator() throws Exception {
    assertThat(firestore.collection("plans").get().get().isEmpty()).isTrue();

    firestore
        .collection("plans")
        .document("plan-1")
        .set(Map.of("owner", getClass().getSimpleName(), "weeks", 12))
        .get();

    DocumentSnapshot read = firestore.collection("plans").document("plan-1").get().get();
    assertThat(read.getString("owner")).isEqualTo(getClass().getSimpleName());
    assertThat(read.getLong("weeks")).isEqualTo(12L);
    assertThat(emulatorRestGet("plans/plan-1"))
        .as("the emulator itself holds the document, so the client did not go to the real service")
        .contains(getClass().getSimpleName());
  }

  @Test
  void oneEmulatorServesEveryClass() {
    ENDPOINTS_SEEN.add(FIRESTORE.endpoint());

    assertThat(ENDPOINTS_SEEN).hasSize(1);
  }

  private static String emulatorRestGet(String documentPath) throws Exception {
    URI uri =
        FIRESTORE
            .endpoint()
            .resolve(
                "/v1/projects/"
                    + FIRESTORE.projectId()
                    + "/databases/(default)/documents/"
                    + documentPath);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
