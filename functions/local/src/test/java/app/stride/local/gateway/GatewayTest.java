package app.stride.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.apispecs.ApiSpecs;
import app.stride.core.directory.DirectoryKey;
import app.stride.core.directory.DirectoryKeys;
import app.stride.core.directory.DirectoryPort;
import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.json.Json;
import app.stride.core.openapi.OpenApiSpec;
import app.stride.core.openapi.Operation;
import app.stride.core.openapi.RequestValidator;
import app.stride.core.openapi.ResponseValidator;
import app.stride.core.problem.Problem;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.Region;
import app.stride.core.region.RegionCatalog;
import app.stride.core.region.RegionId;
import app.stride.local.LocalTokenIssuer;
import app.stride.local.mail.LocalMailbox;
import app.stride.local.region.RegionHealth;
import app.stride.local.region.RegionRuntime;
import app.stride.local.region.UnavailableRegion;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's own rules, with recording stand-ins for the regions (the real ones run in the IT).
 */
class GatewayTest {
  private static final RegionCatalog CATALOG = RegionCatalog.bundled();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final DirectoryKeys KEYS =
      new DirectoryKeys("a-test-directory-secret-of-32-bytes!".getBytes(StandardCharsets.UTF_8));
  private static final RequestValidator DEV_SPEC =
      new RequestValidator(OpenApiSpec.read("local-dev", ApiSpecs.localDev()));

  @TempDir Path data;
  private LocalTokenIssuer issuer;
  private LocalMailbox mailbox;
  private Gateway gateway;
  private final Map<RegionId, RecordingRegion> served = new LinkedHashMap<>();
  private final InMemoryDirectory directory = new InMemoryDirectory();

  @BeforeEach
  void start() throws Exception {
    issuer = LocalTokenIssuer.load(data, Clock.systemUTC());
    mailbox = LocalMailbox.start(Clock.systemUTC());
    Map<RegionId, RegionRuntime> regions = new LinkedHashMap<>();
    for (String id : List.of("eu", "us")) {
      RecordingRegion region = new RecordingRegion(CATALOG.require(RegionId.of(id)));
      served.put(region.region().id(), region);
      regions.put(region.region().id(), region);
    }
    Region apac = CATALOG.require(RegionId.of("apac"));
    regions.put(apac.id(), new UnavailableRegion(apac, "Google Cloud emulators not installed"));
    List<RegionRuntime> ordered = List.copyOf(regions.values());
    Gateway[] holder = new Gateway[1];
    DevRoutes dev =
        new DevRoutes(DEV_SPEC, issuer, CATALOG, mailbox, () -> holder[0].health(ordered));
    HomeRegions homes =
        new HomeRegions(
            Optional.of(new HomeRegions.Directory(directory, KEYS)),
            regions.keySet(),
            RegionId.of("eu"));
    gateway =
        new Gateway(
            0,
            new RequestValidator(OpenApiSpec.read("mobile-api", ApiSpecs.mobileApi())),
            issuer.verifier(),
            regions,
            dev,
            homes);
    holder[0] = gateway;
    gateway.start();
  }

  @AfterEach
  void stop() {
    gateway.close();
    mailbox.close();
  }

  @Test
  void health_reportsDegraded_withTheReasonOfTheDownRegion() throws Exception {
    HttpResponse<String> response = send("GET", "/health", null, null);

    JsonNode health = Json.mapper().readTree(response.body());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(health.path("status").asString()).isEqualTo("DEGRADED");
    JsonNode apac = health.path("regions").get(2);
    assertThat(apac.path("status").asString()).isEqualTo("DOWN");
    assertThat(apac.path("reason").asString()).contains("emulators");
  }

  @Test
  void securedRoute_goesToTheTokensHomeRegionOnly() throws Exception {
    String token = issuer.issue("ana", "us");

    HttpResponse<String> response = send("GET", "/v1/me/profile", token, null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(served.get(RegionId.of("us")).calls).containsExactly("getMyProfile");
    assertThat(served.get(RegionId.of("eu")).calls).isEmpty();
    assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
  }

  @Test
  void pathRoutes_goToTheRegionInTheirId_whateverTheCallersHome() throws Exception {
    String bo = issuer.issue("bo", "us");

    send("GET", "/v1/groups/eu.g0123456789abcdefghjkmnpqrs", bo, null);
    send("POST", "/v1/invites/eu.secretsecretsecretsecret/accept", bo, "{\"card\":{}}");
    send("GET", "/v1/regions/eu/groups?q=lisbon", bo, null);
    send("GET", "/v1/me/groups", bo, null);

    assertThat(served.get(RegionId.of("eu")).calls)
        .containsExactly("getGroup", "acceptInvite", "searchGroups");
    assertThat(served.get(RegionId.of("us")).calls).containsExactly("listMyGroups");
  }

  @Test
  void pathRoutes_namingNoRunningRegion_goToTheCallersHome_andStillNeedAToken() throws Exception {
    String ana = issuer.issue("ana", "us");

    send("GET", "/v1/groups/mars.g0123456789abcdefghjkmnpqrs", ana, null);
    send("GET", "/v1/groups/no-prefix", ana, null);
    HttpResponse<String> anonymous =
        send("GET", "/v1/groups/eu.g0123456789abcdefghjkmnpqrs", null, null);

    assertThat(served.get(RegionId.of("us")).calls).containsExactly("getGroup", "getGroup");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(served.get(RegionId.of("eu")).calls).isEmpty();
  }

  @Test
  void functions_getTheClientsTrace_asTheirParent_withTheGatewaysSpan() throws Exception {
    String token = issuer.issue("ana", "eu");
    String clientTrace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/v1/me/profile"))
            .header("Authorization", "Bearer " + token)
            .header("traceparent", clientTrace)
            .build();
    assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);

    String forwarded =
        served.get(RegionId.of("eu")).requests.get(0).header("traceparent").orElseThrow();
    assertThat(forwarded).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-").endsWith("-01");
    assertThat(forwarded).doesNotContain("00f067aa0ba902b7");
  }

  @Test
  void functions_getANewTrace_whenTheClientSentNoneOrAMalformedOne() throws Exception {
    String token = issuer.issue("ana", "eu");
    HttpRequest malformed =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/v1/me/profile"))
            .header("Authorization", "Bearer " + token)
            .header("traceparent", "00-NOT-A-TRACE")
            .build();

    assertThat(send("GET", "/v1/me/profile", token, null).statusCode()).isEqualTo(200);
    assertThat(HTTP.send(malformed, HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);

    List<ApiRequest> requests = served.get(RegionId.of("eu")).requests;
    String first = requests.get(0).header("traceparent").orElseThrow();
    String second = requests.get(1).header("traceparent").orElseThrow();
    assertThat(first).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    assertThat(second).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    assertThat(first.substring(3, 35)).isNotEqualTo(second.substring(3, 35));
  }

  @Test
  void functions_seeTheViewersAddress_fromXForwardedFor_andIgnoreAnythingButAnIpLiteral()
      throws Exception {
    String token = issuer.issue("ana", "eu");
    for (String forwarded :
        List.of("203.0.113.7, 10.0.0.1", "2001:db8::1", "evil.example.com", "1.2.3.4; DROP")) {
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + gateway.port() + "/v1/me/profile"))
              .header("Authorization", "Bearer " + token)
              .header("X-Forwarded-For", forwarded)
              .build();
      assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(200);
    }

    assertThat(served.get(RegionId.of("eu")).requests)
        .extracting(ApiRequest::sourceIp)
        .containsExactly("203.0.113.7", "2001:db8::1", "127.0.0.1", "127.0.0.1");
  }

  @Test
  void missingForgedOrForeignTokens_are401_andReachNoRegion() throws Exception {
    LocalTokenIssuer stranger = LocalTokenIssuer.load(data.resolve("other"), Clock.systemUTC());

    assertThat(send("GET", "/v1/me/profile", null, null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/v1/me/profile", "not.a.jwt", null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/v1/me/profile", stranger.issue("ana", "eu"), null).statusCode())
        .isEqualTo(401);
    served.values().forEach(r -> assertThat(r.calls).isEmpty());
  }

  @Test
  void unknownRouteAndWrongMethod_areProblems() throws Exception {
    String token = issuer.issue("ana", "eu");

    HttpResponse<String> unknown = send("GET", "/v1/unknown", token, null);
    HttpResponse<String> wrongMethod = send("POST", "/v1/me/profile", token, "{}");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.headers().firstValue("Allow")).contains("DELETE, GET, PATCH, PUT");
    assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");
  }

  @Test
  void bodyOverTheGatewayCap_is413_beforeAnyRegion() throws Exception {
    String token = issuer.issue("ana", "eu");

    HttpResponse<String> response =
        send("PUT", "/v1/me/profile", token, "x".repeat(Gateway.MAX_BODY_BYTES + 1));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(served.get(RegionId.of("eu")).calls).isEmpty();
  }

  @Test
  void downRegion_answers503WithRetryAfter() throws Exception {
    HttpResponse<String> response =
        send("GET", "/v1/me/profile", issuer.issue("chen", "apac"), null);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).contains("2");
  }

  @Test
  void devTokens_areIssuedOnlyForConfiguredRegionsAndSaneIds() throws Exception {
    HttpResponse<String> ok =
        send("POST", "/dev/tokens", null, "{\"userId\":\"ana\",\"homeRegion\":\"eu\"}");
    HttpResponse<String> mars =
        send("POST", "/dev/tokens", null, "{\"userId\":\"ana\",\"homeRegion\":\"mars\"}");
    HttpResponse<String> path =
        send("POST", "/dev/tokens", null, "{\"userId\":\"../x\",\"homeRegion\":\"eu\"}");

    assertThat(ok.statusCode()).isEqualTo(200);
    String token = Json.mapper().readTree(ok.body()).path("accessToken").asString();
    assertThat(issuer.verifier().verify(token).homeRegion()).isEqualTo(RegionId.of("eu"));
    assertThat(mars.statusCode()).isEqualTo(400);
    assertThat(path.statusCode()).isEqualTo(400);
  }

  @Test
  void register_goesToTheRegionTheBodyNames() throws Exception {
    send("POST", "/v1/auth/register", null, "{\"email\":\"a@b.co\",\"homeRegion\":\"us\"}");
    send("POST", "/v1/auth/register", null, "{\"email\":\"a@b.co\",\"homeRegion\":\"mars\"}");

    assertThat(served.get(RegionId.of("us")).calls).containsExactly("registerAccount");
    assertThat(served.get(RegionId.of("eu")).calls).containsExactly("registerAccount");
  }

  @Test
  void tokenRoutes_goToTheTokensPrefixRegion_malformedOnesToTheFirstRegion() throws Exception {
    send("POST", "/v1/auth/token/refresh", null, "{\"refreshToken\":\"us.abc\"}");
    send("POST", "/v1/auth/token/refresh", null, "{\"refreshToken\":\"mars.abc\"}");
    send("POST", "/v1/auth/verify-email", null, "{\"token\":\"no-prefix\"}");
    send("POST", "/v1/auth/mfa/verify", null, "{\"mfaToken\":");

    assertThat(served.get(RegionId.of("us")).calls).containsExactly("refreshTokens");
    assertThat(served.get(RegionId.of("eu")).calls)
        .containsExactly("refreshTokens", "verifyEmail", "verifyMfa");
  }

  @Test
  void login_goesToTheDirectorysHomeRegion_unknownEmailsToTheFirstRegion() throws Exception {
    directory.register(KEYS.of("email:ana@example.com"), RegionId.of("us"));

    send("POST", "/v1/auth/login", null, "{\"email\":\" Ana@Example.COM\",\"password\":\"x\"}");
    send("POST", "/v1/auth/login", null, "{\"email\":\"nobody@example.com\",\"password\":\"x\"}");
    send("POST", "/v1/auth/password/forgot", null, "{\"email\":\"not an email\"}");

    assertThat(served.get(RegionId.of("us")).calls).containsExactly("login");
    assertThat(served.get(RegionId.of("eu")).calls).containsExactly("login", "forgotPassword");
  }

  @Test
  void social_goesToTheLinkedRegion_thenTheEmailsRegion_thenTheBodysRegion() throws Exception {
    directory.register(KEYS.of("social:google:sub-1"), RegionId.of("us"));
    directory.register(KEYS.of("email:bo@example.com"), RegionId.of("us"));

    send("POST", "/v1/auth/social/google", null, social("{\"sub\":\"sub-1\"}", null));
    send(
        "POST",
        "/v1/auth/social/google",
        null,
        social("{\"sub\":\"sub-2\",\"email\":\"BO@example.com\"}", null));
    send("POST", "/v1/auth/social/apple", null, social("{\"sub\":\"sub-1\"}", "us"));
    send("POST", "/v1/auth/social/apple", null, social("{\"sub\":\"sub-3\"}", null));

    assertThat(served.get(RegionId.of("us")).calls)
        .containsExactly("socialSignIn", "socialSignIn", "socialSignIn");
    assertThat(served.get(RegionId.of("eu")).calls).containsExactly("socialSignIn");
  }

  @Test
  void wrongRegionAnswer_isRepeatedOnceInTheNamedRegion() throws Exception {
    served.get(RegionId.of("eu")).wrongRegion = "us";
    served.get(RegionId.of("us")).wrongRegion = "eu";

    HttpResponse<String> response =
        send("POST", "/v1/auth/social/google", null, social("{\"sub\":\"x\"}", "eu"));

    assertThat(response.statusCode()).isEqualTo(421);
    assertThat(served.get(RegionId.of("eu")).calls).containsExactly("socialSignIn");
    assertThat(served.get(RegionId.of("us")).calls).containsExactly("socialSignIn");
  }

  @Test
  void wrongRegionAnswer_fromTheFirstRegion_isServedByTheHomeRegion() throws Exception {
    served.get(RegionId.of("eu")).wrongRegion = "us";

    HttpResponse<String> response =
        send("POST", "/v1/auth/social/google", null, social("{\"sub\":\"x\"}", "eu"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Json.mapper().readTree(response.body()).path("region").asString()).isEqualTo("us");
  }

  @Test
  void jwks_mergesTheKeysOfEveryRegionThatIsUp() throws Exception {
    HttpResponse<String> response = send("GET", "/.well-known/jwks.json", null, null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).contains("public, max-age=300");
    assertThat(Json.mapper().readTree(response.body()).path("keys").findValuesAsString("kid"))
        .containsExactly("eu-20260101-00000001", "us-20260101-00000001");
  }

  @Test
  void devMail_listsTheMessagesForTheAddress_withTheirLinks() throws Exception {
    mail("Ana@Example.com", "Confirm", "Open http://localhost:8080/verify-email?token=eu.x1 now.");
    mail("bo@example.com", "Other", "Nothing here");

    HttpResponse<String> response = send("GET", "/dev/mail?to=ana%40example.com", null, null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode messages = Json.mapper().readTree(response.body()).path("messages");
    assertThat(messages).hasSize(1);
    assertThat(messages.get(0).path("subject").asString()).isEqualTo("Confirm");
    assertThat(messages.get(0).path("to").asString()).isEqualTo("Ana@Example.com");
    assertThat(messages.get(0).path("links").get(0).asString())
        .isEqualTo("http://localhost:8080/verify-email?token=eu.x1");
    assertThat(messages.get(0).path("receivedAt").asString()).isNotBlank();
    assertThat(devViolations("GET", "/dev/mail", response)).isEmpty();
  }

  @Test
  void devMail_withoutTo_isAProblem400_andAnUnknownAddressHasNoMail() throws Exception {
    HttpResponse<String> missing = send("GET", "/dev/mail", null, null);
    HttpResponse<String> none = send("GET", "/dev/mail?to=zoe%40example.com", null, null);

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(Json.mapper().readTree(missing.body()).path("type").asString())
        .endsWith("/validation-failed");
    assertThat(none.statusCode()).isEqualTo(200);
    assertThat(Json.mapper().readTree(none.body()).path("messages")).isEmpty();
  }

  private static String social(String claims, String homeRegion) {
    String payload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    return "{\"idToken\":\"eyJhbGciOiJSUzI1NiJ9."
        + payload
        + ".c2ln\",\"nonce\":\"n\""
        + (homeRegion == null ? "" : ",\"homeRegion\":\"" + homeRegion + "\"")
        + "}";
  }

  private void mail(String to, String subject, String text) throws Exception {
    Properties props = new Properties();
    props.put("mail.smtp.host", mailbox.smtpHost());
    props.put("mail.smtp.port", Integer.toString(mailbox.smtpPort()));
    MimeMessage message = new MimeMessage(Session.getInstance(props));
    message.setFrom(new InternetAddress("no-reply@stride.local"));
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
    message.setSubject(subject);
    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart plain = new MimeBodyPart();
    plain.setText(text, "UTF-8");
    MimeBodyPart html = new MimeBodyPart();
    html.setContent("<p>" + text + "</p>", "text/html; charset=UTF-8");
    alternative.addBodyPart(plain);
    alternative.addBodyPart(html);
    message.setContent(alternative);
    Transport.send(message);
  }

  private static List<String> devViolations(
      String method, String path, HttpResponse<String> response) {
    Map<String, String> headers = new HashMap<>();
    response.headers().map().forEach((k, v) -> headers.put(k, String.join(",", v)));
    return new ResponseValidator(DEV_SPEC)
        .violations(
            DEV_SPEC.route(method, path),
            new ApiResponse(
                response.statusCode(), headers, response.body().getBytes(StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
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
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Stands in for a region: records the operations it was asked to serve and answers 200 naming
   * itself (the JWKS with one key of the region), or 421 naming {@link #wrongRegion} when set.
   */
  private static final class RecordingRegion implements RegionRuntime {
    private final Region region;
    final List<String> calls = new ArrayList<>();
    final List<ApiRequest> requests = new ArrayList<>();
    String wrongRegion;

    RecordingRegion(Region region) {
      this.region = region;
    }

    @Override
    public Region region() {
      return region;
    }

    @Override
    public RegionHealth health() {
      return new RegionHealth(
          region.id().value(), region.cloud().id(), region.store().id(), "http://fake", "UP", null);
    }

    @Override
    public synchronized ApiResponse invoke(Operation operation, ApiRequest request) {
      calls.add(operation.operationId());
      requests.add(request);
      if (wrongRegion != null) {
        return ApiResponse.problem(
            Problem.of(ProblemType.WRONG_REGION, "elsewhere").with("homeRegion", wrongRegion),
            Map.of());
      }
      if (operation.operationId().equals("getJwks")) {
        return ApiResponse.json(
                200,
                Map.of(
                    "keys",
                    List.of(Map.of("kty", "EC", "kid", region.id() + "-20260101-00000001"))))
            .withHeader("Cache-Control", "public, max-age=300");
      }
      return ApiResponse.json(200, Map.of("region", region.id().value()));
    }

    @Override
    public void close() {}
  }

  /** The global directory in memory. */
  private static final class InMemoryDirectory implements DirectoryPort {
    private final Map<String, RegionId> entries = new ConcurrentHashMap<>();

    @Override
    public void register(DirectoryKey key, RegionId home) {
      entries.put(key.value(), home);
    }

    @Override
    public Optional<RegionId> homeRegion(DirectoryKey key) {
      return Optional.ofNullable(entries.get(key.value()));
    }

    @Override
    public void remove(DirectoryKey key) {
      entries.remove(key.value());
    }
  }
}
