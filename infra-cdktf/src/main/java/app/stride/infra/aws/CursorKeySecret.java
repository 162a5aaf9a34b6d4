package app.stride.infra.aws;

import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret.SecretsmanagerSecret;
import software.constructs.Construct;

/**
 * The region's listing-cursor HMAC key ({@code STRIDE_CURSOR_KEY}: base64 of at least 32 random
 * bytes) as a Secrets Manager secret encrypted with the region's key.
 *
 * <p>Only the secret is declared, never a version: the value is put out of band once per region
 * ({@code aws secretsmanager put-secret-value --secret-id stride-cursor-key-<id> --secret-string
 * "$(openssl rand -base64 32)"}), so it appears in neither the Terraform JSON nor the Terraform
 * state. The provider set here has no {@code random} provider, and generating the value in
 * Terraform would put it in the state.
 */
public final class CursorKeySecret extends Construct {

  private final SecretsmanagerSecret secret;

  /** Declares {@code stride-cursor-key-<regionId>}. */
  public CursorKeySecret(Construct scope, String id, RegionConfig region, RegionKey key) {
    super(scope, id);
    secret =
        SecretsmanagerSecret.Builder.create(this, "secret")
            .name(region.cursorKeySecretName())
            .description(
                "Stride "
                    + region.id()
                    + ": HMAC key of listing cursors, base64 of >= 32 bytes; value set out of band")
            .kmsKeyId(key.arn())
            .recoveryWindowInDays(30)
            .build();
  }

  /** The secret's ARN, handed to functions and named in their grants. */
  public String arn() {
    return secret.getArn();
  }

  /** The secret's name. */
  public String name() {
    return secret.getName();
  }
}
