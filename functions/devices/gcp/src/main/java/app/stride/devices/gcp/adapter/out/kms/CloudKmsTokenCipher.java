package app.stride.devices.gcp.adapter.out.kms;

import app.stride.core.json.Json;
import app.stride.core.store.StoreUnavailableException;
import app.stride.devices.connection.DataKeyCache;
import app.stride.devices.connection.KeyEnvelope;
import app.stride.devices.connection.Secret;
import app.stride.devices.connection.TokenCipher;
import app.stride.devices.connection.TokenCipherException;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import com.google.auth.Credentials;
import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32C;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@link TokenCipher} with envelope encryption under a Cloud KMS key. Cloud KMS has no data-key
 * call, so each encryption draws a fresh 256-bit data key locally ({@link SecureRandom}), seals the
 * token with it (AES-256-GCM), wraps the key with Cloud KMS {@code encrypt} and stores the wrapped
 * key in the ciphertext ({@link KeyEnvelope}, version 3). Decryption unwraps it with {@code
 * decrypt} on the CryptoKey the header names, then opens the token.
 *
 * <p>It speaks Cloud KMS's documented REST API ({@code POST /v1/{name}:encrypt} and {@code
 * :decrypt}) with {@link HttpClient} and Google credentials: the {@code google-cloud-kms} client is
 * not served by the Maven mirror here. Requests carry the CRC32C checksums Cloud KMS verifies, and
 * answers are checked against theirs.
 *
 * <p>The binding to the user and provider is checked twice: as Cloud KMS's {@code
 * additionalAuthenticatedData} ({@code stride:user=<id>;stride:provider=<wire>}: Cloud KMS refuses
 * to unwrap a data key for another record) and as the AES-GCM authenticated data. Unwrapped data
 * keys are cached for a few minutes, keyed by the wrapped key and the binding.
 *
 * <p>Failures: an altered ciphertext, another user's or provider's, one under a key not configured
 * here, or one Cloud KMS refuses (4xx) is a {@link TokenCipherException}; Cloud KMS unreachable,
 * timing out, answering 429 or 5xx, or failing a checksum is a {@link StoreUnavailableException}
 * ("token key service"). No message holds token or key material.
 */
public final class CloudKmsTokenCipher implements TokenCipher {
  /** How long one Cloud KMS call may take. */
  public static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);

  /** How long an unwrapped data key stays cached. */
  public static final Duration CACHE_TTL = Duration.ofMinutes(5);

  /** How many unwrapped data keys are cached at most. */
  public static final int CACHE_CAPACITY = 1_000;

  /** The OAuth scope of Cloud KMS. */
  public static final String SCOPE = "https://www.googleapis.com/auth/cloudkms";

  private final HttpClient http;
  private final Credentials credentials;
  private final URI endpoint;
  private final String keyName;
  private final Set<String> keyNames;
  private final Duration callTimeout;
  private final DataKeyCache cache;
  private final SecureRandom random;

  /**
   * @param http the HTTP client
   * @param credentials credentials with the {@value #SCOPE} scope
   * @param settings the key, previous keys and endpoint
   * @param callTimeout how long one call may take
   * @param cacheTtl how long an unwrapped data key is cached ({@link Duration#ZERO}: not at all)
   * @param clock the clock of the cache
   * @param random the source of data keys and nonces
   */
  public CloudKmsTokenCipher(
      HttpClient http,
      Credentials credentials,
      CloudKmsSettings settings,
      Duration callTimeout,
      Duration cacheTtl,
      Clock clock,
      SecureRandom random) {
    this.http = Objects.requireNonNull(http, "http");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.endpoint = settings.endpoint();
    this.keyName = settings.keyName();
    Set<String> names = new LinkedHashSet<>();
    names.add(keyName);
    names.addAll(settings.previousKeyNames());
    this.keyNames = Set.copyOf(names);
    this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
    this.cache = new DataKeyCache(CACHE_CAPACITY, cacheTtl, Objects.requireNonNull(clock, "clock"));
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The cipher for {@code settings}, with Application Default Credentials. */
  public static CloudKmsTokenCipher of(CloudKmsSettings settings) {
    GoogleCredentials credentials;
    try {
      credentials = GoogleCredentials.getApplicationDefault().createScoped(List.of(SCOPE));
    } catch (IOException e) {
      throw new IllegalStateException("no Google credentials for Cloud KMS", e);
    }
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(CALL_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new CloudKmsTokenCipher(
        http,
        credentials,
        settings,
        CALL_TIMEOUT,
        CACHE_TTL,
        Clock.systemUTC(),
        new SecureRandom());
  }

  @Override
  public byte[] encrypt(Secret token, UserId user, Provider provider) {
    byte[] dataKey = new byte[KeyEnvelope.DATA_KEY_BYTES];
    byte[] plaintext = token.bytes();
    byte[] aad = kmsAad(user, provider);
    Map<String, Object> body = new LinkedHashMap<>();
    try {
      random.nextBytes(dataKey);
      body.put("plaintext", b64(dataKey));
      body.put("additionalAuthenticatedData", b64(aad));
      body.put("plaintextCrc32c", int64(crc32c(dataKey)));
      body.put("additionalAuthenticatedDataCrc32c", int64(crc32c(aad)));
      JsonNode answer = call(keyName, "encrypt", body, false);
      if (!answer.path("verifiedPlaintextCrc32c").asBoolean(false)
          || !answer.path("verifiedAdditionalAuthenticatedDataCrc32c").asBoolean(false)) {
        throw corrupted("Cloud KMS did not verify the request checksums");
      }
      byte[] wrapped = base64(answer, "ciphertext");
      requireCrc(answer, "ciphertextCrc32c", wrapped);
      return KeyEnvelope.seal(
          KeyEnvelope.CLOUD_KMS,
          keyName,
          wrapped,
          dataKey,
          plaintext,
          binding(user, provider),
          random);
    } finally {
      body.clear();
      Arrays.fill(dataKey, (byte) 0);
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  @Override
  public Secret decrypt(byte[] ciphertext, UserId user, Provider provider) {
    KeyEnvelope envelope = KeyEnvelope.parse(KeyEnvelope.CLOUD_KMS, ciphertext);
    if (!keyNames.contains(envelope.keyId())) {
      throw new TokenCipherException("token ciphertext names an unknown key");
    }
    byte[] dataKey = dataKey(envelope, user, provider);
    byte[] plaintext = null;
    try {
      plaintext = envelope.open(dataKey, binding(user, provider));
      return Secret.ofBytes(plaintext);
    } finally {
      Arrays.fill(dataKey, (byte) 0);
      if (plaintext != null) {
        Arrays.fill(plaintext, (byte) 0);
      }
    }
  }

  private byte[] dataKey(KeyEnvelope envelope, UserId user, Provider provider) {
    String cacheId =
        envelope.keyId()
            + "|"
            + Base64.getEncoder().encodeToString(envelope.wrappedKey())
            + "|"
            + user.value()
            + "|"
            + provider.wire();
    byte[] cached = cache.get(cacheId);
    if (cached != null) {
      return cached;
    }
    byte[] aad = kmsAad(user, provider);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ciphertext", b64(envelope.wrappedKey()));
    body.put("additionalAuthenticatedData", b64(aad));
    body.put("ciphertextCrc32c", int64(crc32c(envelope.wrappedKey())));
    body.put("additionalAuthenticatedDataCrc32c", int64(crc32c(aad)));
    JsonNode answer = call(envelope.keyId(), "decrypt", body, true);
    byte[] dataKey = base64(answer, "plaintext");
    try {
      requireCrc(answer, "plaintextCrc32c", dataKey);
    } catch (RuntimeException e) {
      Arrays.fill(dataKey, (byte) 0);
      throw e;
    }
    if (dataKey.length != KeyEnvelope.DATA_KEY_BYTES) {
      Arrays.fill(dataKey, (byte) 0);
      throw new TokenCipherException("token data key has an unexpected size");
    }
    cache.put(cacheId, dataKey);
    return dataKey;
  }

  private JsonNode call(String name, String method, Map<String, Object> body, boolean decrypting) {
    URI uri = URI.create(endpoint.toString().replaceAll("/+$", "") + "/v1/" + name + ":" + method);
    HttpResponse<byte[]> response;
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(callTimeout)
              .header("Content-Type", "application/json")
              .header("Accept", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(body)));
      credentials
          .getRequestMetadata(uri)
          .forEach((header, values) -> values.forEach(value -> request.header(header, value)));
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new StoreUnavailableException("token key service", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("token key service", e);
    }
    int status = response.statusCode();
    if (status == 429 || status >= 500) {
      throw new StoreUnavailableException(
          "token key service", new IOException("Cloud KMS answered HTTP " + status));
    }
    if (status != 200) {
      String refusal = "HTTP " + status + " " + errorStatus(response.body());
      if (decrypting) {
        throw new TokenCipherException(
            "Cloud KMS refused to unwrap the token data key: " + refusal);
      }
      throw new IllegalStateException("Cloud KMS refused to wrap a token data key: " + refusal);
    }
    try {
      return Json.mapper().readTree(response.body());
    } catch (JacksonException e) {
      throw corrupted("Cloud KMS answered unreadable JSON");
    }
  }

  /** The {@code error.status} of a Google API error answer (e.g. {@code INVALID_ARGUMENT}). */
  private static String errorStatus(byte[] body) {
    try {
      String status = Json.mapper().readTree(body).path("error").path("status").asString("");
      return status.matches("[A-Z_]{1,40}") ? status : "";
    } catch (JacksonException e) {
      return "";
    }
  }

  private static byte[] base64(JsonNode answer, String field) {
    JsonNode value = answer.path(field);
    try {
      byte[] bytes = value.isString() ? Base64.getDecoder().decode(value.stringValue()) : null;
      if (bytes != null && bytes.length > 0) {
        return bytes;
      }
    } catch (IllegalArgumentException e) {
      // fall through: not base64
    }
    throw corrupted("Cloud KMS answered no " + field);
  }

  private static void requireCrc(JsonNode answer, String field, byte[] bytes) {
    JsonNode value = answer.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return; // optional in the API; checked whenever given
    }
    if (!value.asString("").equals(Long.toString(crc32c(bytes)))) {
      throw corrupted("Cloud KMS's " + field + " does not match");
    }
  }

  private static StoreUnavailableException corrupted(String what) {
    return new StoreUnavailableException("token key service", new IOException(what));
  }

  /** The additional authenticated data Cloud KMS binds the wrapped data key to. */
  static byte[] kmsAad(UserId user, Provider provider) {
    return ("stride:user=" + user.value() + ";stride:provider=" + provider.wire())
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] binding(UserId user, Provider provider) {
    return ("|" + user.value() + "|" + provider.wire()).getBytes(StandardCharsets.UTF_8);
  }

  private static long crc32c(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    return crc.getValue();
  }

  /** Protobuf's JSON form of an int64: a decimal string. */
  private static String int64(long value) {
    return Long.toString(value);
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Override
  public String toString() {
    return "CloudKmsTokenCipher[key=" + keyName + "]";
  }
}
