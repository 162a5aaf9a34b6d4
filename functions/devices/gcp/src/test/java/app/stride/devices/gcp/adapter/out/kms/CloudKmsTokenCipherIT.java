package app.stride.devices.gcp.adapter.out.kms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.stride.core.config.Env;
import app.stride.core.json.Json;
import app.stride.core.store.StoreUnavailableException;
import app.stride.devices.connection.Secret;
import app.stride.devices.connection.TokenCipherException;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import app.stride.testkit.time.MutableClock;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Speaks Cloud KMS's REST API ({@code POST /v1/{name}:encrypt} and {@code :decrypt}) to WireMock
 * with {@link FakeCloudKms}, which really wraps keys under the additional authenticated data: no
 * Cloud KMS server or emulator runs on these machines.
 */
class CloudKmsTokenCipherIT {
  private static final String KEY =
      "projects/stride-apac/locations/asia-southeast1/keyRings/stride/cryptoKeys/device-tokens";
  private static final String OLD_KEY =
      "projects/stride-apac/locations/asia-southeast1/keyRings/stride/cryptoKeys/device-tokens-old";
  private static final String ACCESS_TOKEN = "ya29.test-access-token";
  private static final UserId ALICE = new UserId("u_alice");
  private static final UserId BOB = new UserId("u_bob");
  private static final String TOKEN_TEXT = "strava-refresh-token-abc123";
  private static final Secret TOKEN = Secret.of(TOKEN_TEXT);

  private static WireMockServer kms;

  /** HTTP/1.1: on plain HTTP the default client would try an h2c upgrade with WireMock. */
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static final GoogleCredentials CREDENTIALS =
      GoogleCredentials.create(new AccessToken(ACCESS_TOKEN, null));

  private final MutableClock clock = new MutableClock();

  @BeforeAll
  static void startKms() {
    kms =
        new WireMockServer(
            options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .extensions(new FakeCloudKms(KEY, OLD_KEY)));
    kms.start();
  }

  @AfterAll
  static void stopKms() {
    kms.stop();
  }

  @BeforeEach
  void fakeKms() {
    kms.resetAll();
    kms.stubFor(
        post(urlPathMatching("/v1/projects/.+:(en|de)crypt"))
            .willReturn(aResponse().withTransformers(FakeCloudKms.NAME)));
  }

  private CloudKmsTokenCipher cipher(String key, List<String> previous, URI endpoint) {
    return new CloudKmsTokenCipher(
        HTTP,
        CREDENTIALS,
        new CloudKmsSettings(key, previous, endpoint),
        Duration.ofSeconds(1),
        Duration.ofMinutes(5),
        clock,
        new SecureRandom());
  }

  private CloudKmsTokenCipher cipher(String key, List<String> previous) {
    return cipher(key, previous, URI.create(kms.baseUrl()));
  }

  private CloudKmsTokenCipher cipher() {
    return cipher(KEY, List.of());
  }

  @Test
  void roundTrip_returnsTheToken() {
    CloudKmsTokenCipher cipher = cipher();

    byte[] sealed = cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);

    assertThat(cipher.decrypt(sealed, ALICE, Provider.STRAVA)).isEqualTo(TOKEN);
  }

  @Test
  void encrypt_wrapsAFresh256BitKey_boundToUserAndProviderAsAad_withChecksumsAndBearerToken() {
    CloudKmsTokenCipher cipher = cipher();

    cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);
    cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);

    kms.verify(
        2,
        postRequestedFor(urlEqualTo("/v1/" + KEY + ":encrypt"))
            .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                matchingJsonPath(
                    "$.additionalAuthenticatedData",
                    equalTo(b64("stride:user=u_alice;stride:provider=strava"))))
            .withRequestBody(matchingJsonPath("$.plaintextCrc32c"))
            .withRequestBody(matchingJsonPath("$.additionalAuthenticatedDataCrc32c")));
    List<byte[]> dataKeys = requestField(":encrypt", "plaintext");
    assertThat(dataKeys).hasSize(2).allSatisfy(key -> assertThat(key).hasSize(32));
    assertThat(dataKeys.get(0)).isNotEqualTo(dataKeys.get(1));
  }

  @Test
  void decrypt_unwrapsOnTheHeadersKey_withTheSameAad() {
    CloudKmsTokenCipher cipher = cipher();
    byte[] sealed = cipher.encrypt(TOKEN, ALICE, Provider.GARMIN);

    cipher.decrypt(sealed, ALICE, Provider.GARMIN);

    kms.verify(
        1,
        postRequestedFor(urlEqualTo("/v1/" + KEY + ":decrypt"))
            .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
            .withRequestBody(
                matchingJsonPath(
                    "$.additionalAuthenticatedData",
                    equalTo(b64("stride:user=u_alice;stride:provider=garmin"))))
            .withRequestBody(matchingJsonPath("$.ciphertextCrc32c")));
  }

  @Test
  void ciphertext_carriesVersionKeyNameAndWrappedKey_butNeitherTheTokenNorThePlaintextDataKey() {
    byte[] sealed = cipher().encrypt(TOKEN, ALICE, Provider.STRAVA);

    byte[] dataKey = requestField(":encrypt", "plaintext").get(0);
    byte[] wrapped = answerField(":encrypt", "ciphertext");
    assertThat(sealed[0]).isEqualTo((byte) 3);
    assertThat(new String(sealed, 2, sealed[1] & 0xff, StandardCharsets.US_ASCII)).isEqualTo(KEY);
    assertThat(indexOf(sealed, wrapped)).isEqualTo(2 + KEY.length() + 2);
    assertThat(indexOf(sealed, dataKey)).isEqualTo(-1);
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("strava-refresh");
    assertThat(sealed)
        .hasSize(2 + KEY.length() + 2 + wrapped.length + 12 + TOKEN_TEXT.length() + 16);
  }

  @Test
  void ciphertextMovedToAnotherUser_isRefusedByCloudKms() {
    CloudKmsTokenCipher cipher = cipher();
    byte[] sealed = cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);

    assertThatThrownBy(() -> cipher.decrypt(sealed, BOB, Provider.STRAVA))
        .isInstanceOf(TokenCipherException.class)
        .hasMessageContaining("HTTP 400 INVALID_ARGUMENT");
  }

  @Test
  void ciphertextMovedToAnotherProvider_isRefusedByCloudKms() {
    CloudKmsTokenCipher cipher = cipher();
    byte[] sealed = cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);

    assertThatThrownBy(() -> cipher.decrypt(sealed, ALICE, Provider.SUUNTO))
        .isInstanceOf(TokenCipherException.class)
        .hasMessageContaining("INVALID_ARGUMENT");
  }

  @Test
  void ciphertextMovedAfterItsKeyWasCached_stillFailsForTheOtherUser() {
    CloudKmsTokenCipher cipher = cipher();
    byte[] sealed = cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);
    cipher.decrypt(sealed, ALICE, Provider.STRAVA);

    assertThatThrownBy(() -> cipher.decrypt(sealed, BOB, Provider.STRAVA))
        .isInstanceOf(TokenCipherException.class);
    assertThatThrownBy(() -> cipher.decrypt(sealed, ALICE, Provider.POLAR))
        .isInstanceOf(TokenCipherException.class);
  }

  @Test
  void anyFlippedBit_failsToDecrypt() {
    CloudKmsTokenCipher cipher = cipher();
    byte[] sealed = cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);
    for (int i = 0; i < sealed.length; i++) {
      byte[] tampered = sealed.clone();
      tampered[i] ^= 0x01;

      assertThatThrownBy(() -> cipher.decrypt(tampered, ALICE, Provider.STRAVA))
          .as("byte %d flipped", i)
          .isInstanceOf(TokenCipherException.class);
    }
  }

  @Test
  void truncatedOrForeignBytes_failWithoutCallingCloudKms() {
    CloudKmsTokenCipher cipher = cipher();
    byte[] sealed = cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);

    for (byte[] bad :
        List.of(
            Arrays.copyOf(sealed, 40),
            new byte[] {1, 2, 'k', '1', 0, 0},
            new byte[] {3},
            new byte[0])) {
      assertThatThrownBy(() -> cipher.decrypt(bad, ALICE, Provider.STRAVA))
          .isInstanceOf(TokenCipherException.class);
    }
    kms.verify(0, postRequestedFor(urlPathMatching(".*:decrypt")));
  }

  @Test
  void keyRotation_oldCiphertextsDecryptUnderAPreviousKey_unknownKeysAreRefusedWithoutACall() {
    byte[] old = cipher(OLD_KEY, List.of()).encrypt(TOKEN, ALICE, Provider.STRAVA);
    CloudKmsTokenCipher rotated = cipher(KEY, List.of(OLD_KEY));

    assertThat(rotated.decrypt(old, ALICE, Provider.STRAVA)).isEqualTo(TOKEN);
    kms.verify(1, postRequestedFor(urlEqualTo("/v1/" + OLD_KEY + ":decrypt")));
    kms.resetRequests();
    assertThatThrownBy(() -> cipher().decrypt(old, ALICE, Provider.STRAVA))
        .isInstanceOf(TokenCipherException.class)
        .hasMessageContaining("unknown key");
    assertThat(kms.getAllServeEvents()).isEmpty();
  }

  @Test
  void decrypt_cachesTheUnwrappedDataKey_untilItsTtlPasses() {
    CloudKmsTokenCipher cipher = cipher();
    byte[] sealed = cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);

    cipher.decrypt(sealed, ALICE, Provider.STRAVA);
    cipher.decrypt(sealed, ALICE, Provider.STRAVA);
    kms.verify(1, postRequestedFor(urlPathMatching(".*:decrypt")));

    clock.advance(Duration.ofMinutes(5));
    assertThat(cipher.decrypt(sealed, ALICE, Provider.STRAVA)).isEqualTo(TOKEN);
    kms.verify(2, postRequestedFor(urlPathMatching(".*:decrypt")));
  }

  @Test
  void cloudKmsServerErrorOrRateLimit_isStoreUnavailable() {
    CloudKmsTokenCipher cipher = cipher();
    byte[] sealed = cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);
    kms.stubFor(
        post(urlPathMatching(".*:encrypt"))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withBody("{\"error\":{\"code\":503,\"status\":\"UNAVAILABLE\"}}")));
    kms.stubFor(
        post(urlPathMatching(".*:decrypt"))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withBody("{\"error\":{\"code\":429,\"status\":\"RESOURCE_EXHAUSTED\"}}")));

    assertThatThrownBy(() -> cipher.encrypt(TOKEN, ALICE, Provider.STRAVA))
        .isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> cipher.decrypt(sealed, ALICE, Provider.STRAVA))
        .isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void cloudKmsTimeout_isStoreUnavailable() {
    CloudKmsTokenCipher cipher = cipher();
    byte[] sealed = cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);
    kms.stubFor(
        post(urlPathMatching(".*:decrypt"))
            .atPriority(1)
            .willReturn(okJson("{}").withFixedDelay(3_000)));

    assertThatThrownBy(() -> cipher.decrypt(sealed, ALICE, Provider.STRAVA))
        .isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void cloudKmsUnreachable_isStoreUnavailable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    CloudKmsTokenCipher cipher =
        cipher(KEY, List.of(), URI.create("http://127.0.0.1:" + closedPort));

    assertThatThrownBy(() -> cipher.encrypt(TOKEN, ALICE, Provider.STRAVA))
        .isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void answerFailingItsChecksum_isStoreUnavailable_andNotCached() {
    CloudKmsTokenCipher cipher = cipher();
    byte[] sealed = cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);
    kms.stubFor(
        post(urlPathMatching(".*:decrypt"))
            .atPriority(1)
            .willReturn(
                okJson(
                    "{\"plaintext\":\""
                        + Base64.getEncoder().encodeToString(new byte[32])
                        + "\",\"plaintextCrc32c\":\"12345\"}")));

    assertThatThrownBy(() -> cipher.decrypt(sealed, ALICE, Provider.STRAVA))
        .isInstanceOf(StoreUnavailableException.class);
    kms.resetMappings();
    fakeKms();
    assertThat(cipher.decrypt(sealed, ALICE, Provider.STRAVA)).isEqualTo(TOKEN);
  }

  @Test
  void encryptUnderAKeyCloudKmsDoesNotKnow_isAConfigurationError() {
    CloudKmsTokenCipher cipher =
        cipher(
            "projects/stride-apac/locations/asia-southeast1/keyRings/stride/cryptoKeys/missing",
            List.of());

    assertThatThrownBy(() -> cipher.encrypt(TOKEN, ALICE, Provider.STRAVA))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("HTTP 404 NOT_FOUND");
  }

  @Test
  void failures_andTheCipher_showNoTokenOrKeyMaterial() {
    CloudKmsTokenCipher cipher = cipher();
    byte[] sealed = cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);
    String dataKey =
        Base64.getEncoder().encodeToString(requestField(":encrypt", "plaintext").get(0));
    byte[] tampered = sealed.clone();
    tampered[tampered.length - 1] ^= 1;
    List<Throwable> failures = new ArrayList<>();
    failures.add(catchThrowable(() -> cipher.decrypt(sealed, BOB, Provider.STRAVA)));
    failures.add(catchThrowable(() -> cipher.decrypt(tampered, ALICE, Provider.STRAVA)));

    assertThat(failures).doesNotContainNull();
    for (Throwable failure : failures) {
      for (Throwable t = failure; t != null; t = t.getCause()) {
        assertThat(t.getMessage() + " " + t)
            .doesNotContain(TOKEN_TEXT)
            .doesNotContain(dataKey)
            .doesNotContain(ACCESS_TOKEN);
      }
    }
    assertThat(cipher.toString()).doesNotContain(TOKEN_TEXT).doesNotContain(dataKey).contains(KEY);
  }

  @Test
  void settings_readFromTheEnvironment_withTheGlobalEndpointByDefault_andRefuseOtherKeyForms() {
    CloudKmsSettings settings =
        CloudKmsSettings.fromEnv(
            new Env(
                Map.of(
                    CloudKmsSettings.KEY_ENV,
                    KEY,
                    CloudKmsSettings.PREVIOUS_KEYS_ENV,
                    " " + OLD_KEY + " ,")));

    assertThat(settings.keyName()).isEqualTo(KEY);
    assertThat(settings.previousKeyNames()).containsExactly(OLD_KEY);
    assertThat(settings.endpoint()).isEqualTo(URI.create("https://cloudkms.googleapis.com"));
    assertThatThrownBy(
            () ->
                new CloudKmsSettings(KEY + "/cryptoKeyVersions/1", List.of(), settings.endpoint()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CloudKmsSettings("alias/stride", List.of(), settings.endpoint()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A base64 field of the recorded requests to a method, oldest first. */
  private static List<byte[]> requestField(String method, String field) {
    List<ServeEvent> events = new ArrayList<>(kms.getAllServeEvents());
    java.util.Collections.reverse(events);
    return events.stream()
        .filter(e -> e.getRequest().getUrl().endsWith(method))
        .map(e -> Json.mapper().readTree(e.getRequest().getBodyAsString()).path(field).asString())
        .map(Base64.getDecoder()::decode)
        .toList();
  }

  /** A base64 field of the oldest answer to a method. */
  private static byte[] answerField(String method, String field) {
    List<ServeEvent> events = new ArrayList<>(kms.getAllServeEvents());
    java.util.Collections.reverse(events);
    ServeEvent event =
        events.stream().filter(e -> e.getRequest().getUrl().endsWith(method)).findFirst().get();
    return Base64.getDecoder()
        .decode(
            Json.mapper().readTree(event.getResponse().getBodyAsString()).path(field).asString());
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
