package app.stride.devices.aws.adapter.out.kms;

import app.stride.aws.client.AwsRegions;
import app.stride.core.config.Env;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * Which KMS key protects provider tokens.
 *
 * @param awsRegion the key's AWS region ({@code AWS_REGION})
 * @param keyId the key new tokens are encrypted under ({@value #KEY_ENV}): key id, key ARN, alias
 *     name or alias ARN
 * @param previousKeyIds keys older tokens may still name ({@value #PREVIOUS_KEYS_ENV}, comma
 *     separated), for a change of key; tokens naming any other key are refused without a KMS call
 * @param endpoint an endpoint override for a local stand-in ({@value #ENDPOINT_ENV}); empty in the
 *     cloud
 */
public record KmsSettings(
    Region awsRegion, String keyId, List<String> previousKeyIds, Optional<URI> endpoint) {
  /** The variable naming the token key. */
  public static final String KEY_ENV = "STRIDE_DEVICES_TOKEN_KEY_ID";

  /** The variable naming keys older tokens may be under. */
  public static final String PREVIOUS_KEYS_ENV = "STRIDE_DEVICES_TOKEN_PREVIOUS_KEY_IDS";

  /** The variable naming a local KMS endpoint. */
  public static final String ENDPOINT_ENV = "STRIDE_KMS_ENDPOINT";

  public KmsSettings {
    Objects.requireNonNull(awsRegion, "awsRegion");
    Objects.requireNonNull(keyId, "keyId");
    previousKeyIds = previousKeyIds == null ? List.of() : List.copyOf(previousKeyIds);
    endpoint = endpoint == null ? Optional.empty() : endpoint;
  }

  /** Reads the settings from the environment infra sets. */
  public static KmsSettings fromEnv(Env env) {
    return new KmsSettings(
        AwsRegions.fromEnv(env),
        env.require(KEY_ENV),
        env.optional(PREVIOUS_KEYS_ENV)
            .map(
                ids ->
                    Arrays.stream(ids.split(","))
                        .map(String::trim)
                        .filter(id -> !id.isEmpty())
                        .toList())
            .orElse(List.of()),
        env.optional(ENDPOINT_ENV).map(URI::create));
  }
}
