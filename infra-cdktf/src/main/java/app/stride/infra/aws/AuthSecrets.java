package app.stride.infra.aws;

import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret.SecretsmanagerSecret;
import java.util.List;
import software.constructs.Construct;

/**
 * The two secrets the auth functions of one region need, as Secrets Manager secrets encrypted with
 * the region's key. The functions receive only their ARNs ({@value #DIRECTORY_HASH_KEY_ARN_ENV},
 * {@value #DIRECTORY_API_SECRET_ARN_ENV}) and read the values at start ({@code SecretsOverlay} in
 * {@code shared-aws}, which reads {@code <NAME>_ARN} for {@code <NAME>}).
 *
 * <ul>
 *   <li>{@code stride-directory-hash-key-<id>}: the key of the keyed hash of login ids ({@code
 *       STRIDE_DIRECTORY_SECRET}, base64 of at least 32 bytes). It must be the same in every
 *       region, or a login id would hash differently per region.
 *   <li>{@code stride-directory-api-secret-<id>}: the directory API's request-signing secret
 *       ({@code STRIDE_DIRECTORY_API_SECRET}), equal to the global stack's {@code
 *       stride-directory-api-secret}.
 * </ul>
 *
 * <p>Each region holds its own copy so that a function's grants name only its own stack's resources
 * (the residency rule). As with the cursor key, only the secrets are declared, never a version: the
 * values are put out of band once per region ({@code aws secretsmanager put-secret-value}), so they
 * appear in neither the Terraform JSON nor the state.
 */
public final class AuthSecrets extends Construct {

  /** The variable carrying the ARN of the directory hash key secret. */
  public static final String DIRECTORY_HASH_KEY_ARN_ENV = "STRIDE_DIRECTORY_SECRET_ARN";

  /** The variable carrying the ARN of the directory API secret. */
  public static final String DIRECTORY_API_SECRET_ARN_ENV = "STRIDE_DIRECTORY_API_SECRET_ARN";

  private final SecretsmanagerSecret directoryHashKey;
  private final SecretsmanagerSecret directoryApiSecret;

  /** Declares both secrets of {@code region}. */
  public AuthSecrets(Construct scope, String id, RegionConfig region, RegionKey key) {
    super(scope, id);
    directoryHashKey =
        secret(
            "directory_hash_key",
            region.directoryHashKeySecretName(),
            "Stride "
                + region.id()
                + ": key of the login-id hash (STRIDE_DIRECTORY_SECRET), base64 of >= 32 bytes,"
                + " the same in every region; value set out of band",
            key);
    directoryApiSecret =
        secret(
            "directory_api_secret",
            region.directoryApiSecretName(),
            "Stride "
                + region.id()
                + ": directory API request-signing secret (STRIDE_DIRECTORY_API_SECRET), equal to"
                + " the global stride-directory-api-secret; value set out of band",
            key);
  }

  private SecretsmanagerSecret secret(String id, String name, String description, RegionKey key) {
    return SecretsmanagerSecret.Builder.create(this, id)
        .name(name)
        .description(description)
        .kmsKeyId(key.arn())
        .recoveryWindowInDays(30)
        .build();
  }

  /** The ARN of the directory hash key secret. */
  public String directoryHashKeyArn() {
    return directoryHashKey.getArn();
  }

  /** The ARN of the directory API secret. */
  public String directoryApiSecretArn() {
    return directoryApiSecret.getArn();
  }

  /** The names of both secrets, for the stack's outputs. */
  public List<String> names() {
    return List.of(directoryHashKey.getName(), directoryApiSecret.getName());
  }
}
