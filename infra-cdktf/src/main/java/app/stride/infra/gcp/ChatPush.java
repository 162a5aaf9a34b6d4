package app.stride.infra.gcp;

import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.providers.google.secret_manager_secret.SecretManagerSecret;
import com.hashicorp.cdktf.providers.google.secret_manager_secret_iam_member.SecretManagerSecretIamMember;
import software.constructs.Construct;

/**
 * How the social HTTP function reaches the sockets the region's chat server holds ({@code
 * docs/chat.md}): the server's internal push socket ({@value #URL_ENV}, {@code
 * wss://<service>/internal/push}) opened with a shared secret ({@value #SECRET_ENV}) that both read
 * from the Secret Manager secret {@code stride-chat-push-secret-<id>}, declared here without a
 * version (its value, 32 random bytes or more, is added out of band) and readable by the
 * capability's service account only.
 */
public final class ChatPush extends Construct {

  /** The chat server's internal push URL, read by the social HTTP function. */
  public static final String URL_ENV = "STRIDE_CHAT_PUSH_URL";

  /** The shared secret of the push socket, read by both sides. */
  public static final String SECRET_ENV = "STRIDE_CHAT_PUSH_SECRET";

  private final SecretManagerSecret secret;

  /** Declares the secret of {@code region} and lets {@code identity} read it. */
  public ChatPush(Construct scope, String id, RegionConfig region, CapabilityIdentity identity) {
    super(scope, id);
    secret =
        AuthFunctionSecrets.regional(
            this, "secret", region, "stride-chat-push-secret-" + region.id());
    SecretManagerSecretIamMember.Builder.create(this, "read")
        .project(region.gcpProject())
        .secretId(secret.getSecretId())
        .role(AuthFunctionIdentity.SECRET_ROLE)
        .member("serviceAccount:" + identity.email())
        .build();
  }

  /** The secret both sides read as {@value #SECRET_ENV}. */
  public SecretManagerSecret secret() {
    return secret;
  }

  /** The push URL of the chat service whose {@code https://} URL is {@code serviceUri}. */
  public static String url(String serviceUri) {
    return Fn.replace(serviceUri, "https://", "wss://") + "/internal/push";
  }
}
