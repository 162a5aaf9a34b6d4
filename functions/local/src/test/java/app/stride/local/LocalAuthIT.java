package app.stride.local;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.apispecs.ApiSpecs;
import app.stride.auth.credential.Totp;
import app.stride.core.http.ApiResponse;
import app.stride.core.json.Json;
import app.stride.core.openapi.OpenApiSpec;
import app.stride.core.openapi.RequestValidator;
import app.stride.core.openapi.ResponseValidator;
import app.stride.testkit.junit.AbsentSwitch;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Sign-up and sign-in end to end, as issue 3's check runs it through {@code ./run-local}: the whole
 * local platform (every region's auth and profiles functions, the global directory, the mail
 * server, Redis), driven over HTTP through the gateway only, every auth answer checked against
 * {@code mobile-api.yaml}, and an account deleted: its profile, activities, plans, workouts and
 * groups erased by the profiles, planner, workouts, social and devices erasers of its home region.
 * It runs on the {@link SharedPlatform}, with emails no other suite uses; the tests build on each
 * other in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedPlatform.Extension.class)
class LocalAuthIT {
  private static final String PASSWORD = "violet tractor sings at dawn";
  private static final String ANA = "ana.runner@example.com";
  private static final String BOB = "bob.walker@example.com";
  private static final String LEE = "lee.climber@example.com";
  private static final String CHEN = "chen.swimmer@example.com";

  private static final RequestValidator MOBILE =
      new RequestValidator(OpenApiSpec.read("mobile-api", ApiSpecs.mobileApi()));
  private static final RequestValidator LOCAL_DEV =
      new RequestValidator(OpenApiSpec.read("local-dev", ApiSpecs.localDev()));
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Totp TOTP = new Totp(Clock.systemUTC());

  /** How long an erasure may take: a cold eraser's start, and a retry of a failed first try. */
  private static final Duration ERASURE = Duration.ofSeconds(90);

  private static LocalPlatform platform;

  /** Whether the apac region (Google emulators) runs here. */
  private static boolean gcp;

  /** What the ordered tests hand on. */
  private static String anaAccess;

  private static String anaTotpSecret;
  private static String anaRefresh;

  @BeforeAll
  static void start(SharedPlatform shared) {
    gcp = AbsentSwitch.gcloudEmulatorsOrReport("LocalAuthIT: sign-up and sign-in in apac (GCP)");
    platform = shared.platform();
  }

  @Test
  @Order(1)
  void register_readTheMail_verify_login_andUseTheProfileApi() throws Exception {
    HttpResponse<String> registered = register(ANA, "eu");
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(202);

    String link = awaitLink(ANA, "/verify-email?token=");
    String token = queryParameter(link, "token");
    assertThat(link).startsWith(platform.url() + "/verify-email?");
    assertThat(token).startsWith("eu.");

    HttpResponse<String> early = login(ANA, PASSWORD);
    assertThat(early.statusCode()).as(early.body()).isEqualTo(403);
    assertThat(problemType(early)).endsWith("/email-not-verified");

    HttpResponse<String> verified = post("/v1/auth/verify-email", json("token", token), null);
    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(204);

    HttpResponse<String> signedIn = login(ANA, PASSWORD);
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
    assertThat(signedIn.headers().firstValue("Cache-Control")).contains("no-store");
    JsonNode tokens = body(signedIn);
    anaAccess = tokens.path("accessToken").asString();
    assertThat(claims(anaAccess).path("home_region").asString()).isEqualTo("eu");
    assertThat(claims(anaAccess).path("amr").toString()).contains("pwd");
    assertThat(tokens.path("refreshToken").asString()).startsWith("eu.");

    HttpResponse<String> put =
        call("PUT", "/v1/me/profile", anaAccess, "{\"displayName\":\"Ana\"}");
    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
    HttpResponse<String> get = call("GET", "/v1/me/profile", anaAccess, null);
    assertThat(get.statusCode()).as(get.body()).isEqualTo(200);
    assertThat(body(get).path("displayName").asString()).isEqualTo("Ana");
  }

  @Test
  @Order(2)
  void totp_isTurnedOn_thenLoginNeedsACode_acceptedOnce() throws Exception {
    HttpResponse<String> setup =
        call("POST", "/v1/me/mfa/totp", anaAccess, json("password", PASSWORD));
    assertThat(setup.statusCode()).as(setup.body()).isEqualTo(200);
    anaTotpSecret = body(setup).path("secret").asString();

    HttpResponse<String> confirmed =
        call(
            "POST",
            "/v1/me/mfa/totp/confirm",
            anaAccess,
            json("code", TOTP.codeAt(anaTotpSecret, Instant.now())));
    assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    assertThat(body(confirmed).path("recoveryCodes")).hasSize(10);

    HttpResponse<String> challenged = login(ANA, PASSWORD);
    assertThat(challenged.statusCode()).as(challenged.body()).isEqualTo(200);
    assertThat(body(challenged).path("mfaRequired").asBoolean()).isTrue();
    assertThat(body(challenged).has("accessToken")).isFalse();
    // The next time step's code: the confirmation used up the current one.
    String code = TOTP.codeAt(anaTotpSecret, Instant.now().plusSeconds(30));

    HttpResponse<String> verified = verifyMfa(body(challenged).path("mfaToken").asString(), code);
    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
    JsonNode tokens = body(verified);
    assertThat(claims(tokens.path("accessToken").asString()).path("amr").toString())
        .contains("otp");
    anaRefresh = tokens.path("refreshToken").asString();

    HttpResponse<String> again = login(ANA, PASSWORD);
    HttpResponse<String> replayed = verifyMfa(body(again).path("mfaToken").asString(), code);
    assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(401);
    assertThat(problemType(replayed)).endsWith("/invalid-code");
  }

  @Test
  @Order(3)
  void refresh_rotatesTheToken_andReusingTheOldOneEndsTheFamily() throws Exception {
    HttpResponse<String> rotated = refresh(anaRefresh);
    assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
    String newer = body(rotated).path("refreshToken").asString();
    assertThat(newer).isNotEqualTo(anaRefresh).startsWith("eu.");

    HttpResponse<String> reused = refresh(anaRefresh);
    HttpResponse<String> newerAfterTheft = refresh(newer);

    assertThat(reused.statusCode()).isEqualTo(401);
    assertThat(problemType(reused)).endsWith("/invalid-token");
    assertThat(newerAfterTheft.statusCode()).isEqualTo(401);
    assertThat(problemType(newerAfterTheft)).endsWith("/invalid-token");
  }

  @Test
  @Order(4)
  void wrongPasswords_areThrottled_untilTheAccountIsLocked_with429AndRetryAfter() throws Exception {
    registerAndVerify(LEE, "eu");
    List<Long> retryAfters = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> attempt = login(LEE, "not the password at all");
      if (attempt.statusCode() == 401) {
        assertThat(problemType(attempt)).endsWith("/invalid-credentials");
        continue;
      }
      assertThat(attempt.statusCode()).as(attempt.body()).isEqualTo(429);
      assertThat(problemType(attempt)).endsWith("/rate-limited");
      long wait = Long.parseLong(attempt.headers().firstValue("Retry-After").orElseThrow());
      retryAfters.add(wait);
      if (wait > 60) {
        break;
      }
      Thread.sleep(Duration.ofSeconds(wait).toMillis());
    }

    HttpResponse<String> rightPassword = login(LEE, PASSWORD);

    assertThat(retryAfters).isNotEmpty().allMatch(wait -> wait >= 1);
    assertThat(retryAfters.get(retryAfters.size() - 1)).as("locked").isGreaterThan(60);
    assertThat(rightPassword.statusCode())
        .as("locked, even with the right password")
        .isEqualTo(429);
    assertThat(rightPassword.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  @Order(5)
  void unknownEmail_getsTheSameAnswerAsAWrongPassword() throws Exception {
    HttpResponse<String> unknown = login("nobody.here@example.com", PASSWORD);
    HttpResponse<String> wrong = login(ANA, "not the password at all");

    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
    JsonNode a = body(unknown);
    JsonNode b = body(wrong);
    assertThat(a.path("type").asString()).endsWith("/invalid-credentials");
    for (String member : List.of("type", "title", "status", "detail")) {
      assertThat(a.path(member)).as(member).isEqualTo(b.path(member));
    }
    assertThat(unknown.headers().firstValue("Content-Type"))
        .isEqualTo(wrong.headers().firstValue("Content-Type"));
  }

  @Test
  @Order(6)
  void userOfUs_signsInThroughTheSameGateway_andTheTokenSaysUs() throws Exception {
    registerAndVerify(BOB, "us");

    HttpResponse<String> signedIn = login(BOB, PASSWORD);

    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
    JsonNode tokens = body(signedIn);
    String access = tokens.path("accessToken").asString();
    assertThat(claims(access).path("home_region").asString()).isEqualTo("us");
    assertThat(header(access).path("kid").asString()).startsWith("us-");
    assertThat(tokens.path("homeRegion").asString()).isEqualTo("us");
    assertThat(tokens.path("refreshToken").asString()).startsWith("us.");
    // Served by us's profile function (no profile yet), not refused by the gateway.
    assertThat(call("GET", "/v1/me/profile", access, null).statusCode()).isEqualTo(404);
    HttpResponse<String> refreshed = refresh(tokens.path("refreshToken").asString());
    assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
  }

  @Test
  @Order(7)
  void jwks_listsTheKeysOfEveryRegion() throws Exception {
    HttpResponse<String> jwks = call("GET", "/.well-known/jwks.json", null, null);

    assertThat(jwks.statusCode()).isEqualTo(200);
    List<String> kids = body(jwks).path("keys").findValuesAsString("kid");
    List<String> regions = new ArrayList<>(List.of("eu", "us"));
    if (gcp) {
      regions.add("apac");
    }
    for (String region : regions) {
      assertThat(kids).as(region).anyMatch(kid -> kid.startsWith(region + "-"));
    }
    assertThat(kids).contains(header(anaAccess).path("kid").asString());
    assertThat(jwks.body()).doesNotContain("\"d\"");
  }

  @Test
  @Order(8)
  void apac_signUpAndSignIn_whereTheGoogleEmulatorsRun_elseA503() throws Exception {
    if (!gcp) {
      // Reported as not run at start; what is checkable here: apac is down and says so.
      HttpResponse<String> refused = register(CHEN, "apac");
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();
      return;
    }
    registerAndVerify(CHEN, "apac");

    HttpResponse<String> signedIn = login(CHEN, PASSWORD);

    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
    String access = body(signedIn).path("accessToken").asString();
    assertThat(claims(access).path("home_region").asString()).isEqualTo("apac");
    HttpResponse<String> put = call("PUT", "/v1/me/profile", access, "{\"displayName\":\"Chen\"}");
    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
  }

  @Test
  @Order(9)
  void
      deletingTheAccount_erasesItsProfileActivitiesPlansWorkoutsAndGroups_throughEachCapabilitysEraser()
          throws Exception {
    List<String> regions = gcp ? List.of("eu", "apac") : List.of("eu");
    Map<String, String> access = new HashMap<>();
    Map<String, String> activities = new HashMap<>();
    for (String region : regions) {
      String email = "dana." + region + "@example.com";
      registerAndVerify(email, region);
      HttpResponse<String> signedIn = login(email, PASSWORD);
      assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
      String token = body(signedIn).path("accessToken").asString();
      HttpResponse<String> put = call("PUT", "/v1/me/profile", token, "{\"displayName\":\"Dana\"}");
      assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
      HttpResponse<String> imported = upload(token, gpx(Instant.now().minusSeconds(3600)));
      assertThat(imported.statusCode()).as(imported.body()).isEqualTo(202);
      String activity = body(imported).path("activityIds").path(0).asString();
      assertThat(call("GET", "/v1/activities/" + activity, token, null).statusCode())
          .as(region)
          .isEqualTo(200);
      HttpResponse<String> plan =
          call(
              "POST",
              "/v1/me/plans",
              token,
              "{\"planId\":\"running-5k-beginner\",\"startDate\":\""
                  + java.time.LocalDate.now().plusDays(1)
                  + "\",\"daysPerWeek\":3,\"timeZone\":\"Europe/Berlin\"}");
      assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
      HttpResponse<String> workout =
          call(
              "POST",
              "/v1/me/workouts",
              token,
              "{\"sport\":\"running\",\"startTime\":\""
                  + Instant.now().minusSeconds(7200).truncatedTo(ChronoUnit.SECONDS)
                  + "\",\"timeZone\":\"Europe/Berlin\",\"durationSeconds\":1800}");
      assertThat(workout.statusCode()).as(workout.body()).isEqualTo(201);
      HttpResponse<String> group =
          call(
              "POST",
              "/v1/groups",
              token,
              "{\"name\":\"Dana's runs\",\"sport\":\"running\",\"visibility\":\"private\","
                  + "\"card\":{\"displayName\":\"Dana\"}}");
      assertThat(group.statusCode()).as(group.body()).isEqualTo(201);
      String groupId = body(group).path("groupId").asString();
      HttpResponse<String> sent =
          call(
              "POST",
              "/v1/groups/" + groupId + "/messages",
              token,
              "{\"text\":\"first run tomorrow\",\"clientMessageId\":\"client-0001\"}");
      assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
      access.put(region, token);
      activities.put(region, activity);

      HttpResponse<String> deleted =
          post("/v1/me/account/delete", json("password", PASSWORD), token);

      assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(202);
      assertThat(body(deleted).path("status").asString()).isEqualTo("deletion-started");
    }

    // The access token stays valid for its 15 minutes (docs/auth.md), so it can see the erasure.
    for (String region : regions) {
      String token = access.get(region);
      awaitStatus(region, "/v1/me/profile", token, 404);
      awaitStatus(region, "/v1/activities/" + activities.get(region), token, 404);
      HttpResponse<String> history = call("GET", "/v1/history", token, null);
      assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
      assertThat(body(history).path("entries")).as(region).isEmpty();
      awaitEmpty(region, "/v1/me/plans", "plans", token);
      awaitEmpty(region, "/v1/me/workouts", "items", token);
      // Dana was the group's only member: social's eraser deletes the group with the membership.
      awaitEmpty(region, "/v1/me/groups", "items", token);
    }
  }

  /** Polls a list route until its {@code field} is empty: the capability's eraser ran. */
  private static void awaitEmpty(String region, String path, String field, String token)
      throws Exception {
    long deadline = System.nanoTime() + ERASURE.toNanos();
    HttpResponse<String> last;
    do {
      last = call("GET", path, token, null);
      if (last.statusCode() == 200 && body(last).path(field).isEmpty()) {
        return;
      }
      Thread.sleep(500);
    } while (System.nanoTime() < deadline);
    throw new AssertionError(
        region + ": " + path + " not empty after " + ERASURE + ": " + last.body());
  }

  /** Polls {@code path} with {@code token} until it answers {@code status} (erasure is async). */
  private static void awaitStatus(String region, String path, String token, int status)
      throws Exception {
    long deadline = System.nanoTime() + ERASURE.toNanos();
    HttpResponse<String> last;
    do {
      last = call("GET", path, token, null);
      if (last.statusCode() == status) {
        return;
      }
      Thread.sleep(500);
    } while (System.nanoTime() < deadline);
    throw new AssertionError(
        region + ": " + path + " still answers " + last.statusCode() + " after " + ERASURE);
  }

  /** A short run recorded from {@code start}: 31 points 20 s apart, heading north. */
  private static String gpx(Instant start) {
    StringBuilder gpx =
        new StringBuilder(
            "<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"t\""
                + " xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><type>running</type><trkseg>");
    Instant at = start.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    for (int i = 0; i <= 30; i++) {
      gpx.append("<trkpt lat=\"")
          .append(52.5 + i * 0.0003)
          .append("\" lon=\"13.4\"><time>")
          .append(at.plusSeconds(20L * i))
          .append("</time></trkpt>");
    }
    return gpx.append("</trkseg></trk></gpx>").toString();
  }

  /** A GPX file uploaded to the import route, its answer checked against the spec. */
  private static HttpResponse<String> upload(String token, String gpx) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(platform.url() + "/v1/activities/imports"))
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(gpx))
            .header("Content-Type", "application/gpx+xml")
            .header("Authorization", "Bearer " + token)
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertConformsToSpec("POST", "/v1/activities/imports", response);
    return response;
  }

  private static void registerAndVerify(String email, String region) throws Exception {
    HttpResponse<String> registered = register(email, region);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(202);
    String token = queryParameter(awaitLink(email, "/verify-email?token="), "token");
    assertThat(token).startsWith(region + ".");
    HttpResponse<String> verified = post("/v1/auth/verify-email", json("token", token), null);
    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(204);
  }

  private static HttpResponse<String> register(String email, String region) throws Exception {
    return post(
        "/v1/auth/register",
        "{\"email\":\""
            + email
            + "\",\"password\":\""
            + PASSWORD
            + "\",\"homeRegion\":\""
            + region
            + "\",\"locale\":\"en\"}",
        null);
  }

  private static HttpResponse<String> login(String email, String password) throws Exception {
    return post(
        "/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null);
  }

  private static HttpResponse<String> verifyMfa(String mfaToken, String code) throws Exception {
    return post(
        "/v1/auth/mfa/verify",
        "{\"mfaToken\":\"" + mfaToken + "\",\"code\":\"" + code + "\"}",
        null);
  }

  private static HttpResponse<String> refresh(String refreshToken) throws Exception {
    return post("/v1/auth/token/refresh", json("refreshToken", refreshToken), null);
  }

  /** The first link containing {@code marker} in the mail to {@code to}, waiting for it. */
  private static String awaitLink(String to, String marker) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    do {
      HttpResponse<String> inbox =
          call("GET", "/dev/mail?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8), null, null);
      assertThat(inbox.statusCode()).as(inbox.body()).isEqualTo(200);
      for (JsonNode message : body(inbox).path("messages")) {
        assertThat(message.path("to").asString()).isEqualToIgnoringCase(to);
        for (JsonNode link : message.path("links")) {
          if (link.asString().contains(marker)) {
            return link.asString();
          }
        }
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("no mail to " + to + " with a link containing " + marker);
  }

  private static String queryParameter(String link, String name) {
    for (String pair : URI.create(link).getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv[0].equals(name)) {
        return java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no " + name + " in " + link);
  }

  private static HttpResponse<String> post(String path, String body, String token)
      throws Exception {
    return call("POST", path, token, body);
  }

  private static HttpResponse<String> call(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(platform.url() + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertConformsToSpec(method, path, response);
    return response;
  }

  /** Every answer must be one its spec declares, body and headers included. */
  private static void assertConformsToSpec(
      String method, String path, HttpResponse<String> response) {
    String route = path.split("\\?", 2)[0];
    RequestValidator spec = route.startsWith("/dev/") ? LOCAL_DEV : MOBILE;
    Map<String, String> headers = new HashMap<>();
    response.headers().map().forEach((k, v) -> headers.put(k, String.join(",", v)));
    ApiResponse answer =
        new ApiResponse(
            response.statusCode(), headers, response.body().getBytes(StandardCharsets.UTF_8));
    assertThat(new ResponseValidator(spec).violations(spec.route(method, route), answer))
        .as(
            "%s %s -> %s %s conforms to its spec",
            method, route, response.statusCode(), response.body())
        .isEmpty();
  }

  private static String json(String member, String value) {
    return Json.mapper().writeValueAsString(Map.of(member, value));
  }

  private static JsonNode body(HttpResponse<String> response) {
    return Json.mapper().readTree(response.body());
  }

  private static String problemType(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    return body(response).path("type").asString();
  }

  /** The claims of a JWT, decoded (the gateway and the functions verify it). */
  private static JsonNode claims(String jwt) {
    return part(jwt, 1);
  }

  private static JsonNode header(String jwt) {
    return part(jwt, 0);
  }

  private static JsonNode part(String jwt, int index) {
    return Json.mapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
  }
}
