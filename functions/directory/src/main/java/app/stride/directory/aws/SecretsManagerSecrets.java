package app.stride.directory.aws;

import app.stride.aws.client.AwsClientDefaults;
import app.stride.core.directory.http.DirectoryRequestSigner;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Reads the request-signing secret from Secrets Manager: one {@code GetSecretValue} on the ARN, on
 * the first request (never before a SnapStart snapshot), with a client closed right after.
 */
public final class SecretsManagerSecrets {
  private SecretsManagerSecrets() {}

  /** The signer of the secret {@code source} names; {@code endpoint} overrides only in tests. */
  public static DirectoryRequestSigner signer(
      ApiSecret.InSecretsManager source, Optional<URI> endpoint) {
    try (SecretsManagerClient client =
        AwsClientDefaults.apply(
                SecretsManagerClient.builder(), Region.of(source.awsRegion()), endpoint)
            .build()) {
      String value = client.getSecretValue(r -> r.secretId(source.arn())).secretString();
      if (value == null) {
        throw new IllegalStateException("the directory API secret has no string value yet");
      }
      return DirectoryRequestSigner.fromBase64(value);
    }
  }

  /** The signer of any source: decoded already, or read from Secrets Manager. */
  public static DirectoryRequestSigner signer(ApiSecret source) {
    if (source instanceof ApiSecret.Inline inline) {
      return inline.signer();
    }
    return signer((ApiSecret.InSecretsManager) source, Optional.empty());
  }
}
