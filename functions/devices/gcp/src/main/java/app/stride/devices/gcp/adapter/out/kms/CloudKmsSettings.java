package app.stride.devices.gcp.adapter.out.kms;

import app.stride.core.config.Env;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which Cloud KMS key protects provider tokens.
 *
 * @param keyName the CryptoKey new tokens are wrapped under ({@value #KEY_ENV}), {@code
 *     projects/P/locations/L/keyRings/R/cryptoKeys/K} (Cloud KMS picks its primary version)
 * @param previousKeyNames CryptoKeys older tokens may still name ({@value #PREVIOUS_KEYS_ENV},
 *     comma separated), for a change of key; tokens naming another key are refused without a call
 * @param endpoint the Cloud KMS REST endpoint ({@value #ENDPOINT_ENV}, default {@value
 *     #DEFAULT_ENDPOINT}); a local stand-in in tests
 */
public record CloudKmsSettings(String keyName, List<String> previousKeyNames, URI endpoint) {
  /** The variable naming the token key. */
  public static final String KEY_ENV = "STRIDE_DEVICES_TOKEN_KEY_ID";

  /** The variable naming keys older tokens may be under. */
  public static final String PREVIOUS_KEYS_ENV = "STRIDE_DEVICES_TOKEN_PREVIOUS_KEY_IDS";

  /** The variable naming another Cloud KMS endpoint. */
  public static final String ENDPOINT_ENV = "STRIDE_CLOUDKMS_ENDPOINT";

  /** Cloud KMS's global REST endpoint. */
  public static final String DEFAULT_ENDPOINT = "https://cloudkms.googleapis.com";

  private static final Pattern KEY_NAME =
      Pattern.compile(
          "projects/[a-z0-9.:-]{1,63}/locations/[a-z0-9-]{1,63}"
              + "/keyRings/[A-Za-z0-9_-]{1,63}/cryptoKeys/[A-Za-z0-9_-]{1,63}");

  public CloudKmsSettings {
    requireKeyName(keyName);
    previousKeyNames = previousKeyNames == null ? List.of() : List.copyOf(previousKeyNames);
    previousKeyNames.forEach(CloudKmsSettings::requireKeyName);
    Objects.requireNonNull(endpoint, "endpoint");
  }

  /** Reads the settings from the environment infra sets. */
  public static CloudKmsSettings fromEnv(Env env) {
    return new CloudKmsSettings(
        env.require(KEY_ENV),
        env.optional(PREVIOUS_KEYS_ENV)
            .map(
                names ->
                    Arrays.stream(names.split(","))
                        .map(String::trim)
                        .filter(name -> !name.isEmpty())
                        .toList())
            .orElse(List.of()),
        URI.create(env.optional(ENDPOINT_ENV).orElse(DEFAULT_ENDPOINT)));
  }

  private static void requireKeyName(String name) {
    if (name == null || name.length() > 255 || !KEY_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a token key is projects/P/locations/L/keyRings/R/cryptoKeys/K (at most 255 characters)");
    }
  }
}
