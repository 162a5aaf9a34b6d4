package app.stride.infra.gcp;

import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.google.secret_manager_secret.SecretManagerSecret;
import com.hashicorp.cdktf.providers.google.secret_manager_secret_iam_member.SecretManagerSecretIamMember;
import software.constructs.Construct;

/**
 * The region's listing-cursor HMAC key ({@code STRIDE_CURSOR_KEY}: base64 of at least 32 random
 * bytes) as a Secret Manager secret {@code stride-cursor-key-<regionId>} replicated only to the
 * region's location, the GCP twin of the AWS region's secret of the same name. Every capability's
 * HTTP function reads it as a secret environment variable (the listings of workouts, social and
 * devices seal their cursors with it and refuse to start without it); workers do not.
 *
 * <p>Only the secret is declared, never a version: the value is added out of band once per region
 * ({@code gcloud secrets versions add stride-cursor-key-<id> --data-file=<(openssl rand -base64
 * 32)}), so it appears in neither the Terraform JSON nor the Terraform state.
 */
public final class CursorKeySecret extends Construct {
  /** The variable the functions read. */
  public static final String ENV = "STRIDE_CURSOR_KEY";

  private final RegionConfig region;
  private final SecretManagerSecret secret;

  /** Declares {@code stride-cursor-key-<regionId>}. */
  public CursorKeySecret(Construct scope, String id, RegionConfig region) {
    super(scope, id);
    this.region = region;
    secret = AuthFunctionSecrets.regional(this, "secret", region, region.cursorKeySecretName());
  }

  /** The secret's id, for a function's secret environment and the stack's outputs. */
  public String secretId() {
    return secret.getSecretId();
  }

  /** Lets {@code member} read the key (construct id {@code <id>}). */
  public void grantTo(String id, String member) {
    SecretManagerSecretIamMember.Builder.create(this, id)
        .project(region.gcpProject())
        .secretId(secret.getSecretId())
        .role(AuthFunctionIdentity.SECRET_ROLE)
        .member(member)
        .build();
  }
}
