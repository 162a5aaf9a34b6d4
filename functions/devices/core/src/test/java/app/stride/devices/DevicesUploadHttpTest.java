package app.stride.devices;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.apispecs.ApiSpecs;
import app.stride.core.auth.Principal;
import app.stride.core.auth.TokenVerifier;
import app.stride.core.function.ApiFunction;
import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.json.Json;
import app.stride.core.openapi.OpenApiSpec;
import app.stride.core.openapi.RequestValidator;
import app.stride.core.openapi.ResponseValidator;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.core.trigger.BatchResult;
import app.stride.core.trigger.QueueMessage;
import app.stride.devices.application.port.out.WorkQueue;
import app.stride.devices.application.service.MemoryConnections;
import app.stride.devices.application.service.MemoryErasedAccounts;
import app.stride.devices.application.service.MemoryRecordedWorkouts;
import app.stride.devices.application.service.MemoryStores;
import app.stride.devices.connection.LocalAesGcmTokenCipher;
import app.stride.devices.connection.Secret;
import app.stride.devices.domain.UserId;
import app.stride.devices.files.xml.GpxFixtures;
import app.stride.devices.files.zip.ZipFixtures;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The upload path end to end in memory, every answer checked against the spec: announce (201 with
 * the signed upload), the client's PUT (here a write into the in-memory bucket), upload-complete
 * (202, one work message), the worker function with the real parsers, then the import done and the
 * activity readable; and each refusal. The bucket's signing and the queue are tested against real
 * servers in the cloud modules.
 */
class DevicesUploadHttpTest {
  private static final RegionId EU = RegionId.of("eu");
  private static final Instant NOW = Instant.parse("2026-09-27T12:00:00Z");
  private static final long MIB = 1024L * 1024L;

  /** Tokens are "<user>@<region>"; the real verifier is tested in shared-core. */
  private static final TokenVerifier VERIFIER =
      token -> {
        String[] parts = token.split("@");
        if (parts.length != 2) {
          throw new ProblemException(ProblemType.UNAUTHORIZED, "bad token");
        }
        return new Principal(parts[0], RegionId.of(parts[1]), Set.of(), "jti");
      };

  private final MemoryStores stores = new MemoryStores();
  private final List<QueueMessage> queued = new ArrayList<>();
  private final WorkQueue queue =
      (kind, key, body) ->
          queued.add(
              new QueueMessage(
                  "m-" + queued.size(), body, Map.of("kind", kind, "deduplication-key", key), 1));
  private final MemoryErasedAccounts erased = new MemoryErasedAccounts();
  private final DevicesFunctions.Ports ports =
      new DevicesFunctions.Ports(
          stores,
          stores,
          stores,
          stores,
          queue,
          stores::publish,
          new MemoryConnections(),
          LocalAesGcmTokenCipher.of("test", Secret.ofBytes(new byte[32])),
          new MemoryRecordedWorkouts(),
          erased);
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final ApiFunction function =
      DevicesFunctions.http(
          ports,
          Map.of("STRIDE_CURSOR_KEY", Base64.getEncoder().encodeToString(new byte[32])),
          VERIFIER,
          EU,
          clock);
  private final Function<List<QueueMessage>, BatchResult> worker =
      DevicesFunctions.worker(ports, Map.of(), List.of(), EU, clock);
  private final RequestValidator specValidator =
      new RequestValidator(OpenApiSpec.read("mobile-api", ApiSpecs.mobileApi()));
  private final ResponseValidator contract = new ResponseValidator(specValidator);

  @Test
  void announce_put_complete_work_thenTheImportIsDone_andTheActivityReadable() {
    byte[] zip =
        ZipFixtures.aZip()
            .entry("export/run.gpx", GpxFixtures.aTrack().build())
            .entry("export/notes.txt", "skipped")
            .build();

    ApiResponse started = announce("ana@eu", "application/zip", zip.length, sha256(zip));
    JsonNode job = json(started);
    String location = started.header("Location");
    assertThat(started.status()).isEqualTo(201);
    assertThat(location).isEqualTo("/v1/activities/imports/" + job.path("importId").asString());
    assertThat(job.path("status").asString()).isEqualTo("awaiting-upload");
    assertThat(job.path("upload").path("method").asString()).isEqualTo("PUT");
    assertThat(job.path("upload").path("headers").path("Content-Type").asString())
        .isEqualTo("application/zip");
    assertThat(json(get("ana@eu", location)).path("status").asString())
        .isEqualTo("awaiting-upload");

    String key = "originals/ana/" + job.path("importId").asString();
    assertThat(job.path("upload").path("url").asString()).contains(key);
    stores.put(key, zip, "application/zip");
    ApiResponse completed = complete("ana@eu", location);
    assertThat(completed.status()).isEqualTo(202);
    assertThat(json(completed).path("status").asString()).isEqualTo("processing");
    assertThat(queued).hasSize(1);
    assertThat(queued.get(0).attributes())
        .containsEntry("kind", "import.file")
        .containsEntry("deduplication-key", job.path("importId").asString());

    BatchResult batch = worker.apply(List.copyOf(queued));

    assertThat(batch.failedMessageIds()).isEmpty();
    JsonNode done = json(get("ana@eu", location));
    assertThat(done.path("status").asString()).isEqualTo("done");
    String activityId = done.path("activityIds").path(0).asString();
    JsonNode activity = json(get("ana@eu", "/v1/activities/" + activityId));
    assertThat(activity.path("sources").path(0).path("provider").asString()).isEqualTo("upload");
    assertThat(activity.path("sources").path(0).path("importId").asString())
        .isEqualTo(job.path("importId").asString());
    assertThat(stores.activities).hasSize(1);
  }

  @Test
  void aSizeOverTheTypesLimit_is413_andAnUnknownContentType_is415_recordingNothing() {
    ApiResponse tooLarge =
        announce("ana@eu", "application/zip", 512 * MIB + 1, sha256(new byte[1]));
    ApiResponse tooLargeFit =
        announce("ana@eu", "application/fit", 64 * MIB + 1, sha256(new byte[1]));
    ApiResponse csv = announce("ana@eu", "text/csv", 100, sha256(new byte[1]));

    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(json(tooLarge).path("type").asString())
        .isEqualTo("https://stride.app/problems/payload-too-large");
    assertThat(tooLargeFit.status()).isEqualTo(413);
    assertThat(csv.status()).isEqualTo(415);
    assertThat(stores.jobs).isEmpty();
  }

  @Test
  void anUploadQueuedBeforeTheErasure_isDroppedByTheWorker_notRetried_andItsImportSwept() {
    byte[] gpx = GpxFixtures.aTrack().build().getBytes(StandardCharsets.UTF_8);
    String location =
        announce("ana@eu", "application/gpx+xml", gpx.length, sha256(gpx)).header("Location");
    stores.put(key(location, "ana"), gpx, "application/gpx+xml");
    complete("ana@eu", location);
    erased.markers.put(new UserId("ana"), Instant.MAX);

    BatchResult batch = worker.apply(List.copyOf(queued));

    assertThat(batch.failedMessageIds()).as("never retryable").isEmpty();
    assertThat(stores.jobs).as("what the erasure left of the account is swept").isEmpty();
    assertThat(stores.objects).isEmpty();
    assertThat(stores.activities).isEmpty();
    assertThat(stores.events).isEmpty();
  }

  @Test
  void announceAndComplete_ofAnErasedAccount_are401_recordingAndQueuingNothing() {
    byte[] gpx = GpxFixtures.aTrack().build().getBytes(StandardCharsets.UTF_8);
    String location =
        announce("ana@eu", "application/gpx+xml", gpx.length, sha256(gpx)).header("Location");
    stores.put(key(location, "ana"), gpx, "application/gpx+xml");
    erased.markers.put(new UserId("ana"), Instant.MAX);

    ApiResponse announced = announce("ana@eu", "application/fit", 10, sha256(new byte[10]));
    ApiResponse completed = complete("ana@eu", location);

    assertThat(announced.status()).isEqualTo(401);
    assertThat(json(announced).path("type").asString())
        .isEqualTo("https://stride.app/problems/unauthorized");
    assertThat(completed.status()).isEqualTo(401);
    assertThat(stores.jobs).hasSize(1);
    assertThat(stores.jobs.values())
        .singleElement()
        .satisfies(job -> assertThat(job.status().wire()).isEqualTo("awaiting-upload"));
    assertThat(queued).isEmpty();
  }

  @Test
  void completeBeforeTheUpload_is409_forAnotherUser_is404_andTwice_isHarmless() {
    byte[] gpx = GpxFixtures.aTrack().build().getBytes(StandardCharsets.UTF_8);
    String location =
        announce("ana@eu", "application/gpx+xml", gpx.length, sha256(gpx)).header("Location");

    ApiResponse early = complete("ana@eu", location);
    stores.put(key(location, "ana"), gpx, "application/gpx+xml");
    ApiResponse foreign = complete("ben@eu", location);
    ApiResponse first = complete("ana@eu", location);
    ApiResponse second = complete("ana@eu", location);

    assertThat(early.status()).isEqualTo(409);
    assertThat(json(early).path("detail").asString()).contains("No file has been uploaded");
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(get("ben@eu", location).status()).isEqualTo(404);
    assertThat(first.status()).isEqualTo(202);
    assertThat(second.status()).isEqualTo(202);
    assertThat(json(second).path("status").asString()).isEqualTo("processing");
    assertThat(queued).as("one work message for both calls").hasSize(1);
  }

  @Test
  void aFileUploadedLargerThanAnnounced_is409_andDiscarded_theImportStillAwaitsIt() {
    byte[] gpx = GpxFixtures.aTrack().build().getBytes(StandardCharsets.UTF_8);
    String location =
        announce("ana@eu", "application/gpx+xml", gpx.length, sha256(gpx)).header("Location");
    byte[] larger = GpxFixtures.aTrack().points(80).build().getBytes(StandardCharsets.UTF_8);
    stores.put(key(location, "ana"), larger, "application/gpx+xml");

    ApiResponse completed = complete("ana@eu", location);

    assertThat(completed.status()).isEqualTo(409);
    assertThat(json(completed).path("detail").asString()).contains(gpx.length + " were announced");
    assertThat(stores.objects).doesNotContainKey(key(location, "ana"));
    assertThat(json(get("ana@eu", location)).path("status").asString())
        .isEqualTo("awaiting-upload");
    assertThat(queued).isEmpty();
  }

  @Test
  void aCorruptUpload_failsTheImportWithTheParsersReason_andStoresNoActivity() {
    byte[] zip = ZipFixtures.aZip().entry("run.gpx", GpxFixtures.aTrack().build()).build();
    byte[] cut = java.util.Arrays.copyOf(zip, zip.length - 30);
    String location =
        announce("ana@eu", "application/zip", cut.length, sha256(cut)).header("Location");
    stores.put(key(location, "ana"), cut, "application/zip");
    complete("ana@eu", location);

    worker.apply(List.copyOf(queued));

    JsonNode failed = json(get("ana@eu", location));
    assertThat(failed.path("status").asString()).isEqualTo("failed");
    assertThat(failed.path("problem").path("reason").asString())
        .isIn("truncated-file", "corrupt-file");
    assertThat(stores.activities).isEmpty();
  }

  @Test
  void anUploadWhoseBytesAreNotTheAnnouncedFile_failsChecksumMismatch() {
    byte[] gpx = GpxFixtures.aTrack().build().getBytes(StandardCharsets.UTF_8);
    byte[] other = gpx.clone();
    other[other.length - 10] = (byte) (other[other.length - 10] ^ 1);
    String location =
        announce("ana@eu", "application/gpx+xml", gpx.length, sha256(gpx)).header("Location");
    stores.put(key(location, "ana"), other, "application/gpx+xml");
    complete("ana@eu", location);

    worker.apply(List.copyOf(queued));

    JsonNode failed = json(get("ana@eu", location));
    assertThat(failed.path("problem").path("reason").asString()).isEqualTo("checksum-mismatch");
    assertThat(stores.activities).isEmpty();
  }

  private ApiResponse announce(String token, String contentType, long size, String sha256) {
    String body =
        "{\"contentType\":\""
            + contentType
            + "\",\"size\":"
            + size
            + ",\"sha256\":\""
            + sha256
            + "\"}";
    return call(
        "POST",
        "/v1/activities/imports/uploads",
        token,
        Map.of("Content-Type", "application/json"),
        body.getBytes(StandardCharsets.UTF_8));
  }

  private ApiResponse complete(String token, String location) {
    return call("POST", location + "/upload-complete", token, Map.of(), new byte[0]);
  }

  private ApiResponse get(String token, String path) {
    return call("GET", path, token, Map.of(), new byte[0]);
  }

  private ApiResponse call(
      String method, String path, String token, Map<String, String> headers, byte[] body) {
    Map<String, String> all = new HashMap<>(headers);
    all.put("Authorization", "Bearer " + token);
    ApiResponse response =
        function.apply(new ApiRequest(method, path, Map.of(), all, body, "203.0.113.9", "req-1"));
    assertThat(contract.violations(specValidator.route(method, path), response))
        .as("%s %s answered per the spec", method, path)
        .isEmpty();
    return response;
  }

  private static String key(String location, String user) {
    return "originals/" + user + "/" + location.substring(location.lastIndexOf('/') + 1);
  }

  private static JsonNode json(ApiResponse response) {
    return Json.mapper().readTree(response.body());
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
