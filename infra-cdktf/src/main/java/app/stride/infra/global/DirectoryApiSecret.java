package app.stride.infra.global;

import com.hashicorp.cdktf.providers.aws.secretsmanager_secret.SecretsmanagerSecret;
import software.constructs.Construct;

/**
 * The directory API's request-signing secret (base64 of at least 32 random bytes), shared by the
 * directory Lambda and every region's functions that call it, as a Secrets Manager secret encrypted
 * with the directory's key.
 *
 * <p>Only the secret is declared, never a version: the value is put out of band once ({@code aws
 * secretsmanager put-secret-value --secret-id stride-directory-api-secret --secret-string
 * "$(openssl rand -base64 32)"}), so it appears in neither the Terraform JSON nor the state. The
 * directory Lambda gets only the ARN.
 */
public final class DirectoryApiSecret extends Construct {

  private final SecretsmanagerSecret secret;

  /** Declares the secret {@code name}, encrypted with {@code kmsKeyArn}. */
  public DirectoryApiSecret(Construct scope, String id, String name, String kmsKeyArn) {
    super(scope, id);
    secret =
        SecretsmanagerSecret.Builder.create(this, "secret")
            .name(name)
            .description(
                "Stride directory API: HMAC-SHA256 request-signing secret, base64 of >= 32 bytes;"
                    + " value set out of band")
            .kmsKeyId(kmsKeyArn)
            .recoveryWindowInDays(30)
            .build();
  }

  /** The secret's ARN, handed to the function and named in its grant. */
  public String arn() {
    return secret.getArn();
  }

  /** The secret's name. */
  public String name() {
    return secret.getName();
  }
}
