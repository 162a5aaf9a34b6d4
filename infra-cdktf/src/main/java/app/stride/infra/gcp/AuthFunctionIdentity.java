package app.stride.infra.gcp;

import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.google.pubsub_topic_iam_member.PubsubTopicIamMember;
import com.hashicorp.cdktf.providers.google.secret_manager_secret_iam_member.SecretManagerSecretIamMember;
import com.hashicorp.cdktf.providers.google.service_account.ServiceAccount;
import java.util.Locale;
import software.constructs.Construct;

/**
 * The auth functions' own service account and its only grants: Firestore access on the region's
 * database (project-level role narrowed by an IAM condition on the database name, as for profiles),
 * reading each of the auth secrets (secret-level bindings), and publishing account-deletion events
 * to the region's events topic (topic-level binding). The region's Redis grants it reading its AUTH
 * secret ({@link RegionRedis#grantTo}).
 */
public final class AuthFunctionIdentity extends Construct {

  /** Read/write access to Firestore documents. */
  public static final String DATASTORE_ROLE = CapabilityIdentity.DATASTORE_ROLE;

  /** Reading a secret's versions. */
  public static final String SECRET_ROLE = "roles/secretmanager.secretAccessor";

  private final ServiceAccount account;

  /** Creates the service account {@code stride-auth-<regionId>} and its bindings. */
  public AuthFunctionIdentity(
      Construct scope,
      String id,
      RegionConfig region,
      FirestoreStore store,
      AuthFunctionSecrets secrets,
      EventsTopic events) {
    super(scope, id);
    account =
        ServiceAccount.Builder.create(this, "account")
            .project(region.gcpProject())
            .accountId(region.authFunctionName())
            .displayName("Stride auth functions (" + region.id() + ")")
            .build();
    CapabilityIdentity.grantFirestore(this, region, store, account.getMember());
    secrets
        .byVariable()
        .forEach(
            (variable, secret) ->
                SecretManagerSecretIamMember.Builder.create(this, "read_" + lower(variable))
                    .project(region.gcpProject())
                    .secretId(secret.getSecretId())
                    .role(SECRET_ROLE)
                    .member(account.getMember())
                    .build());
    CloudMonitoringWriter.grantWriter(this, region.gcpProject(), account.getMember());
    PubsubTopicIamMember.Builder.create(this, "publish_events")
        .project(region.gcpProject())
        .topic(events.name())
        .role("roles/pubsub.publisher")
        .member(account.getMember())
        .build();
  }

  private static String lower(String variable) {
    return variable.toLowerCase(Locale.ROOT);
  }

  /** The account as an IAM member ({@code serviceAccount:<email>}). */
  public String member() {
    return account.getMember();
  }

  /** The account's e-mail, the functions' runtime identity. */
  public String email() {
    return account.getEmail();
  }
}
