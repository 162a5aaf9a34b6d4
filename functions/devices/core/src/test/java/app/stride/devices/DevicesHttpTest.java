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
import app.stride.devices.application.port.out.WorkQueue;
import app.stride.devices.application.service.MemoryConnections;
import app.stride.devices.application.service.MemoryErasedAccounts;
import app.stride.devices.application.service.MemoryRecordedWorkouts;
import app.stride.devices.application.service.MemoryStores;
import app.stride.devices.connection.LocalAesGcmTokenCipher;
import app.stride.devices.connection.Secret;
import app.stride.devices.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The devices HTTP function end to end in memory: spec validation, token, the real file parsers,
 * the import use case, deduplication, the webhook receivers and the queue hand-off, with every
 * answer checked against the spec. The store, bucket and queue adapters are tested against real
 * servers in the cloud modules.
 */
class DevicesHttpTest {
  private static final RegionId EU = RegionId.of("eu");
  private static final Instant NOW = Instant.parse("2026-09-27T12:00:00Z");
  private static final String POLAR_KEY = "polar-signing-key-for-tests";
  private static final String FITBIT_AUTHORIZATION = "Bearer fitbit-endpoint-secret";
  private static final KeyPair GOOGLE_HEALTH = googleHealthKeys();
  private static final String SUUNTO_KEY = "suunto-signing-key";

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
  private final List<String> queued = new ArrayList<>();
  private final WorkQueue queue = (kind, key, body) -> queued.add(kind + " " + key);
  private final MemoryErasedAccounts erased = new MemoryErasedAccounts();
  private final ApiFunction function =
      DevicesFunctions.http(
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
              erased),
          Map.of(
              "STRIDE_CURSOR_KEY", Base64.getEncoder().encodeToString(new byte[32]),
              "STRIDE_WEBHOOK_POLAR_SIGNING_KEY", POLAR_KEY,
              "STRIDE_WEBHOOK_FITBIT_WEBHOOK_TOKEN", FITBIT_AUTHORIZATION,
              "STRIDE_WEBHOOK_FITBIT_PUBLIC_KEY",
                  Base64.getEncoder().encodeToString(GOOGLE_HEALTH.getPublic().getEncoded()),
              "STRIDE_WEBHOOK_SUUNTO_SIGNING_KEY", SUUNTO_KEY),
          VERIFIER,
          EU,
          Clock.fixed(NOW, ZoneOffset.UTC));
  private final RequestValidator specValidator =
      new RequestValidator(OpenApiSpec.read("mobile-api", ApiSpecs.mobileApi()));
  private final ResponseValidator contract = new ResponseValidator(specValidator);

  @Test
  void gpxImport_202_thenDone_withTheActivity_andItsSamplesOnRequest() {
    ApiResponse accepted = upload("ana@eu", "application/gpx+xml", gpx(0, 11));

    assertThat(accepted.status()).isEqualTo(202);
    JsonNode job = json(accepted);
    assertThat(accepted.header("Location"))
        .isEqualTo("/v1/activities/imports/" + job.path("importId").asString());
    assertThat(job.path("status").asString()).isEqualTo("done");
    String activityId = job.path("activityIds").path(0).asString();

    JsonNode status = json(get("ana@eu", accepted.header("Location")));
    assertThat(status.path("status").asString()).isEqualTo("done");

    JsonNode activity = json(get("ana@eu", "/v1/activities/" + activityId));
    assertThat(activity.path("sport").asString()).isEqualTo("running");
    assertThat(activity.path("elapsedSeconds").asDouble()).isEqualTo(600.0);
    assertThat(activity.path("distanceMeters").asDouble()).isBetween(1100.0, 1125.0);
    assertThat(activity.path("sources").path(0).path("provider").asString()).isEqualTo("upload");
    assertThat(activity.has("samples")).isFalse();
    JsonNode withSamples = json(get("ana@eu", "/v1/activities/" + activityId + "?samples=true"));
    assertThat(withSamples.path("samples")).hasSize(11);
    assertThat(stores.events).hasSize(1);
  }

  @Test
  void importOfAnErasedAccount_withATokenIssuedBeforeTheDeletion_is401_andStoresNothing() {
    erased.markers.put(new UserId("ana"), Instant.MAX);

    ApiResponse refused = upload("ana@eu", "application/gpx+xml", gpx(0, 11));

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    assertThat(json(refused).path("type").asString())
        .isEqualTo("https://stride.app/problems/unauthorized");
    assertThat(stores.jobs).isEmpty();
    assertThat(stores.objects).isEmpty();
    assertThat(stores.activities).isEmpty();
  }

  @Test
  void sameFileTwice_answersTheSameImport() {
    JsonNode first = json(upload("ana@eu", "application/gpx+xml", gpx(0, 11)));
    JsonNode second = json(upload("ana@eu", "application/gpx+xml", gpx(0, 11)));

    assertThat(second.path("importId")).isEqualTo(first.path("importId"));
    assertThat(stores.activities).hasSize(1);
  }

  @Test
  void theSameRunFromTheAppAfterTheFile_isMergedIntoOneActivity() {
    String activityId =
        json(upload("ana@eu", "application/gpx+xml", gpx(0, 11)))
            .path("activityIds")
            .path(0)
            .asString();
    String app =
        """
        {"source":"apple-health","workouts":[{"externalId":"6F1C2A9E-3B7D-4E0F","activityType":
         "HKWorkoutActivityTypeRunning","startTime":"2026-09-27T07:15:00Z",
         "endTime":"2026-09-27T07:25:00Z","distanceMeters":1120,"device":"Apple Watch"}]}
        """;

    JsonNode job = json(upload("ana@eu", "application/json", app));

    assertThat(job.path("activityIds").path(0).asString()).isEqualTo(activityId);
    JsonNode activity = json(get("ana@eu", "/v1/activities/" + activityId));
    assertThat(activity.path("sources").findValuesAsString("provider"))
        .containsExactly("upload", "apple-health");
    assertThat(activity.path("version").asInt()).isEqualTo(2);
    assertThat(stores.activities).hasSize(1);
  }

  @Test
  void brokenFiles_failTheImportWithAStableReason_andStoreNoActivity() {
    JsonNode truncated =
        json(upload("ana@eu", "application/fit", new byte[] {14, 16, 0x6c, 0x07, 1, 0, 0, 0}));
    JsonNode xxe =
        json(
            upload(
                "ana@eu",
                "application/gpx+xml",
                "<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + "<gpx version=\"1.1\"><trk><name>&x;</name></trk></gpx>"));

    assertThat(truncated.path("status").asString()).isEqualTo("failed");
    assertThat(truncated.path("problem").path("type").asString())
        .isEqualTo("https://stride.app/problems/import-failed");
    assertThat(truncated.path("problem").path("reason").asString())
        .isIn("truncated-file", "corrupt-file");
    assertThat(xxe.path("problem").path("reason").asString()).isEqualTo("unsafe-xml");
    assertThat(xxe.toString()).doesNotContain("root:");
    assertThat(stores.activities).isEmpty();
  }

  @Test
  void wrongTypeOrNoToken_areRefusedBeforeAnythingIsStored() {
    assertThat(upload("ana@eu", "text/plain", "hello").status()).isEqualTo(415);
    assertThat(
            call(
                    "POST",
                    "/v1/activities/imports",
                    null,
                    Map.of("Content-Type", "application/fit"),
                    new byte[] {1})
                .status())
        .isEqualTo(401);
    assertThat(stores.objects).isEmpty();
    assertThat(stores.jobs).isEmpty();
  }

  @Test
  void anotherUsersImportAndActivity_are404() {
    JsonNode job = json(upload("ana@eu", "application/gpx+xml", gpx(0, 11)));

    assertThat(get("ben@eu", "/v1/activities/imports/" + job.path("importId").asString()).status())
        .isEqualTo(404);
    assertThat(
            get("ben@eu", "/v1/activities/" + job.path("activityIds").path(0).asString()).status())
        .isEqualTo(404);
    assertThat(get("ana@eu", "/v1/activities/a_nope").status()).isEqualTo(404);
  }

  @Test
  void signedPolarWebhook_isQueued_aForgedOne_is401AndQueuesNothing() {
    String body =
        "{\"event\":\"EXERCISE\",\"user_id\":475,\"entity_id\":\"aQlC83\","
            + "\"timestamp\":\"2026-09-27T11:59:30Z\","
            + "\"url\":\"https://www.polaraccesslink.com/v3/exercises/aQlC83\"}";

    ApiResponse forged =
        webhook(
            "polar",
            Map.of("Polar-Webhook-Signature", hex(hmac("HmacSHA256", "wrong", body))),
            body);
    assertThat(forged.status()).isEqualTo(401);
    assertThat(json(forged).path("type").asString())
        .isEqualTo("https://stride.app/problems/webhook-rejected");
    assertThat(queued).isEmpty();

    ApiResponse signed =
        webhook(
            "polar",
            Map.of("Polar-Webhook-Signature", hex(hmac("HmacSHA256", POLAR_KEY, body))),
            body);
    assertThat(signed.status()).isEqualTo(200);
    assertThat(queued).hasSize(1).allMatch(m -> m.startsWith("webhook.polar "));
  }

  @Test
  void signedFitbitAndSuuntoWebhooks_areQueued_unsignedOnesAreNot() {
    String fitbit =
        "{\"data\":{\"healthUserId\":\"3Mg7QzU2kPq\",\"operation\":\"UPSERT\","
            + "\"dataType\":\"exercise\",\"intervals\":[{\"physicalTimeInterval\":"
            + "{\"startTime\":\"2026-09-27T07:00:00Z\",\"endTime\":\"2026-09-27T08:00:00Z\"}}]}}";
    String suunto =
        "{\"type\":\"WORKOUT_CREATED\",\"username\":\"runner-42\","
            + "\"workout\":{\"workoutKey\":\"67604889401b942184624cb8\",\"activityId\":3,"
            + "\"startTime\":1790500000000,\"totalTime\":3600,\"totalDistance\":10000}}";
    String googleSignature = ecdsa(GOOGLE_HEALTH, fitbit);

    assertThat(webhook("fitbit", Map.of(), fitbit).status()).isEqualTo(401);
    assertThat(webhook("fitbit", Map.of("X-HEALTHAPI-SIGNATURE", googleSignature), fitbit).status())
        .as("a genuine signature without the endpoint secret")
        .isEqualTo(401);
    assertThat(
            webhook(
                    "fitbit",
                    Map.of(
                        "Authorization",
                        FITBIT_AUTHORIZATION,
                        "X-HEALTHAPI-SIGNATURE",
                        ecdsa(googleHealthKeys(), fitbit)),
                    fitbit)
                .status())
        .as("the endpoint secret with a forged signature")
        .isEqualTo(401);
    assertThat(webhook("suunto", Map.of(), suunto).status()).isEqualTo(401);
    assertThat(queued).isEmpty();

    ApiResponse fitbitSigned =
        webhook(
            "fitbit",
            Map.of("Authorization", FITBIT_AUTHORIZATION, "X-HEALTHAPI-SIGNATURE", googleSignature),
            fitbit);
    ApiResponse suuntoSigned =
        webhook(
            "suunto",
            Map.of("X-HMAC-SHA256-Signature", hex(hmac("HmacSHA256", SUUNTO_KEY, suunto))),
            suunto);

    assertThat(fitbitSigned.status()).isEqualTo(204);
    assertThat(suuntoSigned.status()).isEqualTo(200);
    assertThat(queued).hasSize(2).anyMatch(m -> m.startsWith("webhook.fitbit "));
  }

  @Test
  void fitbitVerification_201WithOurAuthorization_401Otherwise_andWebhooksOfAnotherRegionAre404() {
    String verification = "{\"type\":\"verification\"}";

    assertThat(
            webhook("fitbit", Map.of("Authorization", FITBIT_AUTHORIZATION), verification).status())
        .isEqualTo(201);
    assertThat(webhook("fitbit", Map.of(), verification).status()).isEqualTo(401);
    assertThat(webhook("fitbit", Map.of("Authorization", "Bearer guess"), verification).status())
        .isEqualTo(401);
    assertThat(queued).isEmpty();
    assertThat(webhook("polar", "us", Map.of(), "{}").status()).isEqualTo(404);
  }

  private ApiResponse webhook(String provider, Map<String, String> headers, String body) {
    return webhook(provider, "eu", headers, body);
  }

  private ApiResponse webhook(
      String provider, String region, Map<String, String> headers, String body) {
    Map<String, String> all = new HashMap<>(headers);
    all.put("Content-Type", "application/json");
    return call(
        "POST",
        "/v1/webhooks/" + provider + "/" + region,
        null,
        all,
        body.getBytes(StandardCharsets.UTF_8));
  }

  private ApiResponse upload(String token, String contentType, String body) {
    return upload(token, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  private ApiResponse upload(String token, String contentType, byte[] body) {
    return call("POST", "/v1/activities/imports", token, Map.of("Content-Type", contentType), body);
  }

  private ApiResponse get(String token, String pathAndQuery) {
    return call("GET", pathAndQuery, token, Map.of(), new byte[0]);
  }

  private ApiResponse call(
      String method, String pathAndQuery, String token, Map<String, String> headers, byte[] body) {
    String path = pathAndQuery;
    Map<String, String> query = new HashMap<>();
    int q = pathAndQuery.indexOf('?');
    if (q >= 0) {
      path = pathAndQuery.substring(0, q);
      for (String pair : pathAndQuery.substring(q + 1).split("&")) {
        String[] kv = pair.split("=", 2);
        query.put(kv[0], kv[1]);
      }
    }
    Map<String, String> all = new HashMap<>(headers);
    if (token != null) {
      all.put("Authorization", "Bearer " + token);
    }
    ApiRequest request = new ApiRequest(method, path, query, all, body, "203.0.113.9", "req-1");
    ApiResponse response = function.apply(request);
    assertThat(contract.violations(specValidator.route(method, path), response))
        .as("%s %s answered per the spec", method, path)
        .isEmpty();
    return response;
  }

  private static KeyPair googleHealthKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What we assume Google sends: the base64 DER ECDSA P-256 signature of the body. */
  private static String ecdsa(KeyPair keys, String body) {
    try {
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(keys.getPrivate());
      signer.update(body.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(ApiResponse response) {
    return Json.mapper().readTree(response.body());
  }

  /** A run of {@code points} points 10 m apart, one a minute, from 07:15 plus {@code offset}. */
  private static String gpx(int offsetSeconds, int points) {
    StringBuilder gpx =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\">"
                + "<trk><type>running</type><trkseg>");
    Instant start = Instant.parse("2026-09-27T07:15:00Z").plusSeconds(offsetSeconds);
    for (int i = 0; i < points; i++) {
      gpx.append("<trkpt lat=\"")
          .append(52.5 + i * 0.001)
          .append("\" lon=\"13.4\"><ele>34</ele><time>")
          .append(start.plusSeconds(60L * i))
          .append("</time></trkpt>");
    }
    return gpx.append("</trkseg></trk></gpx>").toString();
  }

  private static byte[] hmac(String algorithm, String key, String body) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
      return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
