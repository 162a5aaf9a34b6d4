package app.stride.devices.aws.adapter.out.kms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.stride.aws.client.AwsClientDefaults;
import app.stride.core.json.Json;
import app.stride.core.store.StoreUnavailableException;
import app.stride.devices.connection.Secret;
import app.stride.devices.connection.TokenCipherException;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import app.stride.testkit.time.MutableClock;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Speaks KMS's JSON 1.1 protocol ({@code POST /}, {@code X-Amz-Target: TrentService.*}) to WireMock
 * with {@link FakeKms}, which really wraps data keys under the encryption context: no KMS server
 * runs on these machines.
 */
class KmsTokenCipherIT {
  private static final String KEY = "alias/stride-devices-tokens-eu";
  private static final String OLD_KEY = "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-old";
  private static final UserId ALICE = new UserId("u_alice");
  private static final UserId BOB = new UserId("u_bob");
  private static final String TOKEN_TEXT = "strava-refresh-token-abc123";
  private static final Secret TOKEN = Secret.of(TOKEN_TEXT);
  private static final String GENERATE = "TrentService.GenerateDataKey";
  private static final String DECRYPT = "TrentService.Decrypt";

  private static WireMockServer kms;
  private static KmsClient client;
  private static KmsClient impatientClient;

  private final MutableClock clock = new MutableClock();

  @BeforeAll
  static void startKms() {
    kms =
        new WireMockServer(
            options().bindAddress("127.0.0.1").dynamicPort().extensions(new FakeKms(KEY, OLD_KEY)));
    kms.start();
    KmsSettings settings =
        new KmsSettings(
            Region.EU_CENTRAL_1, KEY, List.of(), Optional.of(URI.create(kms.baseUrl())));
    client = KmsTokenCipher.client(settings);
    impatientClient =
        AwsClientDefaults.apply(KmsClient.builder(), Region.EU_CENTRAL_1, settings.endpoint())
            .overrideConfiguration(
                c ->
                    c.apiCallTimeout(Duration.ofMillis(500))
                        .retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build();
  }

  @AfterAll
  static void stopKms() {
    client.close();
    impatientClient.close();
    kms.stop();
  }

  @BeforeEach
  void fakeKms() {
    kms.resetAll();
    kms.stubFor(operation(GENERATE).willReturn(aResponse().withTransformers(FakeKms.NAME)));
    kms.stubFor(operation(DECRYPT).willReturn(aResponse().withTransformers(FakeKms.NAME)));
  }

  private static MappingBuilder operation(String target) {
    return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target));
  }

  private KmsTokenCipher cipher(KmsClient kmsClient, String keyId, List<String> previous) {
    return new KmsTokenCipher(
        kmsClient, keyId, previous, Duration.ofMinutes(5), clock, new SecureRandom());
  }

  private KmsTokenCipher cipher() {
    return cipher(client, KEY, List.of());
  }

  @Test
  void roundTrip_returnsTheToken() {
    KmsTokenCipher cipher = cipher();

    byte[] sealed = cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);

    assertThat(cipher.decrypt(sealed, ALICE, Provider.STRAVA)).isEqualTo(TOKEN);
  }

  @Test
  void encrypt_asksForAnAes256DataKey_boundToUserAndProviderByTheEncryptionContext() {
    cipher().encrypt(TOKEN, ALICE, Provider.STRAVA);

    kms.verify(
        1,
        postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo(GENERATE))
            .withHeader("Content-Type", equalTo(FakeKms.JSON_11))
            .withHeader("Authorization", matching("AWS4-HMAC-SHA256 .*/eu-central-1/kms/.*"))
            .withRequestBody(matchingJsonPath("$.KeyId", equalTo(KEY)))
            .withRequestBody(matchingJsonPath("$.KeySpec", equalTo("AES_256")))
            .withRequestBody(
                matchingJsonPath(
                    "$.EncryptionContext",
                    equalToJson("{\"stride:user\":\"u_alice\",\"stride:provider\":\"strava\"}"))));
  }

  @Test
  void decrypt_unwrapsWithTheHeadersKeyAndTheSameEncryptionContext() {
    KmsTokenCipher cipher = cipher();
    byte[] sealed = cipher.encrypt(TOKEN, ALICE, Provider.GARMIN);

    cipher.decrypt(sealed, ALICE, Provider.GARMIN);

    kms.verify(
        1,
        postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo(DECRYPT))
            .withRequestBody(matchingJsonPath("$.KeyId", equalTo(KEY)))
            .withRequestBody(matchingJsonPath("$.CiphertextBlob"))
            .withRequestBody(
                matchingJsonPath(
                    "$.EncryptionContext",
                    equalToJson("{\"stride:user\":\"u_alice\",\"stride:provider\":\"garmin\"}"))));
  }

  @Test
  void ciphertext_carriesVersionKeyIdAndWrappedKey_butNeitherTheTokenNorThePlaintextDataKey() {
    KmsTokenCipher cipher = cipher();

    byte[] first = cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);
    byte[] second = cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);

    Map<String, String> generated = generateDataKeyAnswer(0);
    byte[] wrapped = base64(generated.get("CiphertextBlob"));
    byte[] dataKey = base64(generated.get("Plaintext"));
    assertThat(first[0]).isEqualTo((byte) 2);
    assertThat(new String(first, 2, first[1], StandardCharsets.US_ASCII)).isEqualTo(KEY);
    assertThat(indexOf(first, wrapped)).isEqualTo(2 + KEY.length() + 2);
    assertThat(indexOf(first, dataKey)).isEqualTo(-1);
    assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("strava-refresh");
    assertThat(first)
        .hasSize(2 + KEY.length() + 2 + wrapped.length + 12 + TOKEN_TEXT.length() + 16);
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void ciphertextMovedToAnotherUser_isRefusedByKms() {
    KmsTokenCipher cipher = cipher();
    byte[] sealed = cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);

    Throwable refused = catchThrowable(() -> cipher.decrypt(sealed, BOB, Provider.STRAVA));

    assertThat(refused).isInstanceOf(TokenCipherException.class);
    assertThat(refused.getCause())
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e ->
                assertThat(e.awsErrorDetails().errorCode())
                    .isEqualTo("InvalidCiphertextException"));
  }

  @Test
  void ciphertextMovedToAnotherProvider_isRefusedByKms() {
    KmsTokenCipher cipher = cipher();
    byte[] sealed = cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);

    assertThatThrownBy(() -> cipher.decrypt(sealed, ALICE, Provider.POLAR))
        .isInstanceOf(TokenCipherException.class)
        .hasCauseInstanceOf(AwsServiceException.class);
  }

  @Test
  void ciphertextMovedAfterItsKeyWasCached_stillFailsForTheOtherUser() {
    KmsTokenCipher cipher = cipher();
    byte[] sealed = cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);
    cipher.decrypt(sealed, ALICE, Provider.STRAVA);

    assertThatThrownBy(() -> cipher.decrypt(sealed, BOB, Provider.STRAVA))
        .isInstanceOf(TokenCipherException.class);
    assertThatThrownBy(() -> cipher.decrypt(sealed, ALICE, Provider.POLAR))
        .isInstanceOf(TokenCipherException.class);
  }

  @Test
  void anyFlippedBit_failsToDecrypt() {
    KmsTokenCipher cipher = cipher();
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
  void truncatedOrForeignBytes_failWithoutCallingKms() {
    KmsTokenCipher cipher = cipher();
    byte[] sealed = cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);

    for (byte[] bad :
        List.of(
            Arrays.copyOf(sealed, 30),
            new byte[] {1, 2, 'k', '1', 0, 0},
            new byte[] {2},
            new byte[0])) {
      assertThatThrownBy(() -> cipher.decrypt(bad, ALICE, Provider.STRAVA))
          .isInstanceOf(TokenCipherException.class);
    }
    kms.verify(0, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(DECRYPT)));
  }

  @Test
  void keyRotation_oldCiphertextsDecryptUnderAPreviousKey_unknownKeysAreRefusedWithoutKms() {
    byte[] old = cipher(client, OLD_KEY, List.of()).encrypt(TOKEN, ALICE, Provider.STRAVA);
    KmsTokenCipher rotated = cipher(client, KEY, List.of(OLD_KEY));
    KmsTokenCipher newOnly = cipher();

    byte[] fresh = rotated.encrypt(TOKEN, ALICE, Provider.STRAVA);

    assertThat(rotated.decrypt(old, ALICE, Provider.STRAVA)).isEqualTo(TOKEN);
    assertThat(new String(fresh, 2, fresh[1], StandardCharsets.US_ASCII)).isEqualTo(KEY);
    kms.resetRequests();
    assertThatThrownBy(() -> newOnly.decrypt(old, ALICE, Provider.STRAVA))
        .isInstanceOf(TokenCipherException.class)
        .hasMessageContaining("unknown key");
    assertThat(kms.getAllServeEvents()).isEmpty();
  }

  @Test
  void decrypt_cachesTheUnwrappedDataKey_untilItsTtlPasses() {
    KmsTokenCipher cipher = cipher();
    byte[] sealed = cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);

    cipher.decrypt(sealed, ALICE, Provider.STRAVA);
    cipher.decrypt(sealed, ALICE, Provider.STRAVA);
    kms.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(DECRYPT)));

    clock.advance(Duration.ofMinutes(5));
    assertThat(cipher.decrypt(sealed, ALICE, Provider.STRAVA)).isEqualTo(TOKEN);
    kms.verify(2, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(DECRYPT)));
  }

  @Test
  void kmsServerError_isStoreUnavailable_forEncryptAndDecrypt() {
    KmsTokenCipher cipher = cipher(impatientClient, KEY, List.of());
    byte[] sealed = cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);
    kms.stubFor(
        post(urlEqualTo("/"))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", FakeKms.JSON_11)
                    .withBody("{\"__type\":\"KMSInternalException\",\"message\":\"internal\"}")));

    assertThatThrownBy(() -> cipher.encrypt(TOKEN, ALICE, Provider.STRAVA))
        .isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> cipher.decrypt(sealed, ALICE, Provider.STRAVA))
        .isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void kmsThrottling_isStoreUnavailable() {
    KmsTokenCipher cipher = cipher(impatientClient, KEY, List.of());
    kms.stubFor(
        post(urlEqualTo("/"))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", FakeKms.JSON_11)
                    .withBody(
                        "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}")));

    assertThatThrownBy(() -> cipher.encrypt(TOKEN, ALICE, Provider.STRAVA))
        .isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void kmsTimeout_isStoreUnavailable() {
    KmsTokenCipher cipher = cipher(impatientClient, KEY, List.of());
    byte[] sealed = cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);
    kms.stubFor(
        operation(DECRYPT)
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", FakeKms.JSON_11)
                    .withBody("{}")
                    .withFixedDelay(2_000)));

    assertThatThrownBy(() -> cipher.decrypt(sealed, ALICE, Provider.STRAVA))
        .isInstanceOf(StoreUnavailableException.class);
  }

  @Test
  void kmsUnreachable_isStoreUnavailable() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (KmsClient nowhere =
        AwsClientDefaults.apply(
                KmsClient.builder(),
                Region.EU_CENTRAL_1,
                Optional.of(URI.create("http://127.0.0.1:" + closedPort)))
            .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build()) {
      assertThatThrownBy(
              () -> cipher(nowhere, KEY, List.of()).encrypt(TOKEN, ALICE, Provider.STRAVA))
          .isInstanceOf(StoreUnavailableException.class);
    }
  }

  @Test
  void encryptUnderAKeyKmsDoesNotKnow_isAConfigurationError() {
    KmsTokenCipher cipher = cipher(impatientClient, "alias/not-created", List.of());

    assertThatThrownBy(() -> cipher.encrypt(TOKEN, ALICE, Provider.STRAVA))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("NotFoundException");
  }

  @Test
  void failures_andTheCipher_showNoTokenOrKeyMaterial() {
    KmsTokenCipher cipher = cipher();
    byte[] sealed = cipher.encrypt(TOKEN, ALICE, Provider.STRAVA);
    String dataKey = generateDataKeyAnswer(0).get("Plaintext");
    byte[] tampered = sealed.clone();
    tampered[tampered.length - 1] ^= 1;
    List<Throwable> failures = new ArrayList<>();
    failures.add(catchThrowable(() -> cipher.decrypt(sealed, BOB, Provider.STRAVA)));
    failures.add(catchThrowable(() -> cipher.decrypt(tampered, ALICE, Provider.STRAVA)));

    for (Throwable failure : failures) {
      for (Throwable t = failure; t != null; t = t.getCause()) {
        assertThat(t).isNotNull();
        assertThat(String.valueOf(t.getMessage()) + t)
            .doesNotContain(TOKEN_TEXT)
            .doesNotContain(dataKey);
      }
    }
    assertThat(cipher.toString()).doesNotContain(TOKEN_TEXT).doesNotContain(dataKey).contains(KEY);
  }

  @Test
  void settings_readTheKeyAndPreviousKeysFromTheEnvironment() {
    KmsSettings settings =
        KmsSettings.fromEnv(
            new app.stride.core.config.Env(
                Map.of(
                    "AWS_REGION",
                    "eu-central-1",
                    KmsSettings.KEY_ENV,
                    KEY,
                    KmsSettings.PREVIOUS_KEYS_ENV,
                    " " + OLD_KEY + " ,, alias/older ")));

    assertThat(settings.keyId()).isEqualTo(KEY);
    assertThat(settings.previousKeyIds()).containsExactly(OLD_KEY, "alias/older");
    assertThat(settings.endpoint()).isEmpty();
    assertThat(settings.awsRegion()).isEqualTo(Region.EU_CENTRAL_1);
  }

  private static Map<String, String> generateDataKeyAnswer(int index) {
    List<ServeEvent> generated =
        kms.getAllServeEvents().stream()
            .filter(e -> GENERATE.equals(e.getRequest().getHeader("X-Amz-Target")))
            .toList();
    // getAllServeEvents lists the newest first
    ServeEvent event = generated.get(generated.size() - 1 - index);
    @SuppressWarnings("unchecked")
    Map<String, String> answer =
        Json.mapper().readValue(event.getResponse().getBodyAsString(), Map.class);
    return answer;
  }

  private static byte[] base64(String value) {
    return java.util.Base64.getDecoder().decode(value);
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
