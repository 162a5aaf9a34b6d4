package app.stride.devices.aws.adapter.out.kms;

import app.stride.aws.client.AwsClientDefaults;
import app.stride.core.store.StoreUnavailableException;
import app.stride.devices.connection.DataKeyCache;
import app.stride.devices.connection.KeyEnvelope;
import app.stride.devices.connection.Secret;
import app.stride.devices.connection.TokenCipher;
import app.stride.devices.connection.TokenCipherException;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;

/**
 * {@link TokenCipher} with envelope encryption under an AWS KMS key. Each encryption asks KMS for a
 * fresh 256-bit data key ({@code GenerateDataKey}, {@code AES_256}), seals the token with it
 * locally (AES-256-GCM), zeroes the plaintext key and stores the wrapped key in the ciphertext
 * ({@link KeyEnvelope}, version 2). Decryption unwraps the key with KMS {@code Decrypt}, naming the
 * key the header names, then opens the token.
 *
 * <p>The binding to the user and provider is checked twice: the KMS encryption context {@code
 * {stride:user=<id>, stride:provider=<wire>}} (so KMS itself refuses to unwrap a data key for
 * another record, and CloudTrail shows whose token was decrypted), and the AES-GCM authenticated
 * data (header, user, provider). Unwrapped data keys are cached for a few minutes, keyed by the
 * wrapped key and the binding, since the worker decrypts the same tokens again and again.
 *
 * <p>Failures: an altered ciphertext, another user's or provider's, one under a key not configured
 * here, or one KMS refuses (4xx) is a {@link TokenCipherException}; KMS unreachable, throttling,
 * timing out or answering 5xx is a {@link StoreUnavailableException} ("token key service"). No
 * message holds token or key material.
 */
public final class KmsTokenCipher implements TokenCipher {
  /** How long one KMS call, retries included, may take. */
  public static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);

  /** How long an unwrapped data key stays cached. */
  public static final Duration CACHE_TTL = Duration.ofMinutes(5);

  /** How many unwrapped data keys are cached at most. */
  public static final int CACHE_CAPACITY = 1_000;

  /** The encryption context key holding the user id. */
  static final String CONTEXT_USER = "stride:user";

  /** The encryption context key holding the provider's wire name. */
  static final String CONTEXT_PROVIDER = "stride:provider";

  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9:/_.-]{1,255}");

  private final KmsClient kms;
  private final String keyId;
  private final Set<String> keyIds;
  private final DataKeyCache cache;
  private final SecureRandom random;

  /**
   * @param kms the KMS client
   * @param keyId the key new tokens are encrypted under (id, ARN, alias name or alias ARN, as the
   *     ciphertext will name it)
   * @param previousKeyIds keys older tokens may still name; tokens naming another key are refused
   * @param cacheTtl how long an unwrapped data key is cached ({@link Duration#ZERO}: not at all)
   * @param clock the clock of the cache
   * @param random the source of nonces
   */
  public KmsTokenCipher(
      KmsClient kms,
      String keyId,
      Collection<String> previousKeyIds,
      Duration cacheTtl,
      Clock clock,
      SecureRandom random) {
    this.kms = Objects.requireNonNull(kms, "kms");
    this.keyId = requireKeyId(keyId);
    Set<String> ids = new LinkedHashSet<>();
    ids.add(keyId);
    previousKeyIds.forEach(id -> ids.add(requireKeyId(id)));
    this.keyIds = Set.copyOf(ids);
    this.cache = new DataKeyCache(CACHE_CAPACITY, cacheTtl, Objects.requireNonNull(clock, "clock"));
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The cipher for {@code settings}, with its own client ({@link #client(KmsSettings)}). */
  public static KmsTokenCipher of(KmsSettings settings) {
    return new KmsTokenCipher(
        client(settings),
        settings.keyId(),
        settings.previousKeyIds(),
        CACHE_TTL,
        Clock.systemUTC(),
        new SecureRandom());
  }

  /** A client for the settings: the shared light HTTP client and region, and bounded calls. */
  public static KmsClient client(KmsSettings settings) {
    return AwsClientDefaults.apply(KmsClient.builder(), settings.awsRegion(), settings.endpoint())
        .overrideConfiguration(c -> c.apiCallTimeout(CALL_TIMEOUT))
        .build();
  }

  @Override
  public byte[] encrypt(Secret token, UserId user, Provider provider) {
    GenerateDataKeyResponse generated =
        call(
            () ->
                kms.generateDataKey(
                    r ->
                        r.keyId(keyId)
                            .keySpec(DataKeySpec.AES_256)
                            .encryptionContext(context(user, provider))),
            false);
    byte[] dataKey = generated.plaintext().asByteArray();
    byte[] plaintext = token.bytes();
    try {
      if (dataKey.length != KeyEnvelope.DATA_KEY_BYTES) {
        throw new IllegalStateException("KMS answered a data key of an unexpected size");
      }
      return KeyEnvelope.seal(
          KeyEnvelope.AWS_KMS,
          keyId,
          generated.ciphertextBlob().asByteArray(),
          dataKey,
          plaintext,
          binding(user, provider),
          random);
    } finally {
      Arrays.fill(dataKey, (byte) 0);
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  @Override
  public Secret decrypt(byte[] ciphertext, UserId user, Provider provider) {
    KeyEnvelope envelope = KeyEnvelope.parse(KeyEnvelope.AWS_KMS, ciphertext);
    if (!keyIds.contains(envelope.keyId())) {
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
    DecryptResponse unwrapped =
        call(
            () ->
                kms.decrypt(
                    r ->
                        r.keyId(envelope.keyId())
                            .ciphertextBlob(SdkBytes.fromByteArray(envelope.wrappedKey()))
                            .encryptionContext(context(user, provider))),
            true);
    byte[] dataKey = unwrapped.plaintext().asByteArray();
    if (dataKey.length != KeyEnvelope.DATA_KEY_BYTES) {
      Arrays.fill(dataKey, (byte) 0);
      throw new TokenCipherException("token data key has an unexpected size");
    }
    cache.put(cacheId, dataKey);
    return dataKey;
  }

  /** The KMS encryption context binding a data key to one user's connection to one provider. */
  static Map<String, String> context(UserId user, Provider provider) {
    return Map.of(CONTEXT_USER, user.value(), CONTEXT_PROVIDER, provider.wire());
  }

  private static byte[] binding(UserId user, Provider provider) {
    return ("|" + user.value() + "|" + provider.wire()).getBytes(StandardCharsets.UTF_8);
  }

  private static <T> T call(Supplier<T> call, boolean decrypting) {
    try {
      return call.get();
    } catch (SdkException e) {
      if (isUnavailable(e)) {
        throw new StoreUnavailableException("token key service", e);
      }
      String code =
          e instanceof AwsServiceException service && service.awsErrorDetails() != null
              ? service.awsErrorDetails().errorCode()
              : e.getClass().getSimpleName();
      if (decrypting) {
        throw new TokenCipherException("KMS refused to unwrap the token data key: " + code, e);
      }
      throw new IllegalStateException("KMS refused to generate a token data key: " + code, e);
    }
  }

  private static boolean isUnavailable(SdkException e) {
    if (e instanceof SdkClientException) {
      return true;
    }
    return e instanceof AwsServiceException service
        && (service.isThrottlingException() || service.statusCode() >= 500);
  }

  private static String requireKeyId(String keyId) {
    if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
      throw new IllegalArgumentException("a KMS key id is 1 to 255 of [A-Za-z0-9:/_.-]");
    }
    return keyId;
  }

  @Override
  public String toString() {
    return "KmsTokenCipher[key=" + keyId + "]";
  }
}
