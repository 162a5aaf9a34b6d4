package app.stride.devices.gcp.adapter.out.gcs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.store.StoreUnavailableException;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.StorageOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link GcsObjectStore#deleteUnder} over the real Cloud Storage HTTP client against a WireMock
 * stand-in of Cloud Storage's JSON API: the object listing ({@code GET /storage/v1/b/{bucket}/o})
 * and the batch endpoint ({@code POST /batch/storage/v1}, {@link FakeGcsBatch}). This is the path
 * real Cloud Storage takes; {@code GcsObjectStoreTest}'s in-memory fake has no batch endpoint. The
 * listing names three objects until a batch has been answered, then none (a scenario): deleted
 * objects drop out of Cloud Storage's listing.
 */
class GcsBatchDeleteIT {
  private static final String BUCKET = "stride-devices-apac";
  private static final String FOLDER = "samples/usr_1/";
  private static final String LISTING = "/storage/v1/b/" + BUCKET + "/o";
  private static final String BATCH = "/batch/storage/v1";
  private static final String BUCKET_STATE = "bucket";
  private static final String EMPTIED = "emptied";

  private static final FakeGcsBatch BATCH_ANSWERS = new FakeGcsBatch();
  private static WireMockServer gcs;

  private GcsObjectStore store;

  @BeforeAll
  static void startGcs() {
    gcs =
        new WireMockServer(
            options().bindAddress("127.0.0.1").dynamicPort().extensions(BATCH_ANSWERS));
    gcs.start();
  }

  @AfterAll
  static void stopGcs() {
    gcs.stop();
  }

  @BeforeEach
  void threeObjectsUnderTheFolder() {
    gcs.resetAll();
    gcs.stubFor(
        get(urlPathEqualTo(LISTING))
            .inScenario(BUCKET_STATE)
            .whenScenarioStateIs(STARTED)
            .willReturn(okJson(listing("a", "b", "c"))));
    gcs.stubFor(
        get(urlPathEqualTo(LISTING))
            .inScenario(BUCKET_STATE)
            .whenScenarioStateIs(EMPTIED)
            .willReturn(okJson(listing())));
    gcs.stubFor(
        post(urlPathEqualTo(BATCH))
            .inScenario(BUCKET_STATE)
            .willSetStateTo(EMPTIED)
            .willReturn(aResponse().withTransformers(FakeGcsBatch.NAME)));
    // GcsObjectStore.client's retries: a failed part must not make the client resend the batch.
    store =
        new GcsObjectStore(
            StorageOptions.newBuilder()
                .setHost(gcs.baseUrl())
                .setProjectId("p")
                .setCredentials(NoCredentials.getInstance())
                .setRetrySettings(
                    RetrySettings.newBuilder()
                        .setTotalTimeoutDuration(GcsObjectStore.CALL_TIMEOUT)
                        .setInitialRetryDelayDuration(Duration.ofMillis(50))
                        .setRetryDelayMultiplier(2.0)
                        .setMaxRetryDelayDuration(Duration.ofSeconds(1))
                        .setMaxAttempts(3)
                        .build())
                .build()
                .getService(),
            BUCKET);
  }

  @Test
  void deleteUnder_deletesTheListedPageInOneBatch_countsOnlyTheDeleted_andEndsOnAnEmptyListing() {
    BATCH_ANSWERS.answer(204, 204, 404);

    int removed = store.deleteUnder(FOLDER);

    assertThat(removed).isEqualTo(2);
    gcs.verify(
        2,
        getRequestedFor(urlPathEqualTo(LISTING))
            .withQueryParam("prefix", equalTo(FOLDER))
            .withQueryParam("maxResults", equalTo(String.valueOf(GcsObjectStore.DELETE_PAGE)))
            .withQueryParam("fields", equalTo("nextPageToken,prefixes,items/bucket,items/name")));
    gcs.verify(1, postRequestedFor(urlPathEqualTo(BATCH)));
    gcs.verify(0, deleteRequestedFor(anyUrl()));
    assertThat(requestLines(gcs.findAll(postRequestedFor(urlPathEqualTo(BATCH))).get(0)))
        .containsExactly(deleteLine("a"), deleteLine("b"), deleteLine("c"));
  }

  @Test
  void deleteUnder_aPartAnswering503_failsTheCallAsStoreUnavailable() {
    BATCH_ANSWERS.answer(204, 503, 204);

    assertThatThrownBy(() -> store.deleteUnder(FOLDER))
        .isInstanceOf(StoreUnavailableException.class)
        .hasCauseInstanceOf(StorageException.class);
    gcs.verify(1, getRequestedFor(urlPathEqualTo(LISTING)));
    gcs.verify(1, postRequestedFor(urlPathEqualTo(BATCH)));
  }

  @Test
  void deleteUnder_aPartAnswering403_propagatesTheStorageException_uncounted() {
    BATCH_ANSWERS.answer(204, 204, 403);

    assertThatThrownBy(() -> store.deleteUnder(FOLDER))
        .isExactlyInstanceOf(StorageException.class)
        .satisfies(e -> assertThat(((StorageException) e).getCode()).isEqualTo(403));
    gcs.verify(1, getRequestedFor(urlPathEqualTo(LISTING)));
    gcs.verify(1, postRequestedFor(urlPathEqualTo(BATCH)));
  }

  /** A Cloud Storage {@code objects.list} answer naming {@code FOLDER + names}. */
  private static String listing(String... names) {
    StringBuilder items = new StringBuilder();
    for (String name : names) {
      items.append(items.isEmpty() ? "" : ",");
      items.append(
          "{\"kind\":\"storage#object\",\"name\":\""
              + FOLDER
              + name
              + "\",\"bucket\":\""
              + BUCKET
              + "\"}");
    }
    return names.length == 0
        ? "{\"kind\":\"storage#objects\"}"
        : "{\"kind\":\"storage#objects\",\"items\":[" + items + "]}";
  }

  /** A batch part's request line deleting {@code FOLDER + name} (the name URL-encoded). */
  private static String deleteLine(String name) {
    return "DELETE "
        + gcs.baseUrl()
        + "/storage/v1/b/"
        + BUCKET
        + "/o/samples%2Fusr_1%2F"
        + name
        + " HTTP/1.1";
  }

  /**
   * The HTTP request lines of a batch request's parts, in order (the Java client writes absolute
   * URLs).
   */
  private static List<String> requestLines(LoggedRequest batch) {
    return Arrays.stream(batch.getBodyAsString().split("\r?\n"))
        .filter(line -> line.matches("(GET|POST|PUT|PATCH|DELETE) \\S+ HTTP/1\\.1"))
        .toList();
  }
}
