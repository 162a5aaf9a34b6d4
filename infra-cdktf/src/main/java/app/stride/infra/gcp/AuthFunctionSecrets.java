package app.stride.infra.gcp;

import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.google.secret_manager_secret.SecretManagerSecret;
import com.hashicorp.cdktf.providers.google.secret_manager_secret.SecretManagerSecretReplication;
import com.hashicorp.cdktf.providers.google.secret_manager_secret.SecretManagerSecretReplicationUserManaged;
import com.hashicorp.cdktf.providers.google.secret_manager_secret.SecretManagerSecretReplicationUserManagedReplicas;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The auth functions' secrets in one GCP region, as Secret Manager secrets replicated only to the
 * region's location, by the environment variable each one becomes:
 *
 * <ul>
 *   <li>{@code STRIDE_DIRECTORY_SECRET}: {@code stride-directory-hash-key-<id>}, the login-id hash
 *       key, the same value in every region;
 *   <li>{@code STRIDE_DIRECTORY_API_SECRET}: {@code stride-directory-api-secret-<id>}, equal to the
 *       global stack's directory API secret;
 *   <li>{@code STRIDE_SMTP_PASSWORD}: {@code stride-smtp-password-<id>}, the SMTP relay's password.
 * </ul>
 *
 * Only the secrets are declared, never a version: values are added out of band ({@code gcloud
 * secrets versions add}), so they are in neither the Terraform JSON nor the state. The functions
 * reference them ({@code secret_environment_variables}, version {@code latest}); Cloud Functions
 * resolves them when an instance starts.
 */
public final class AuthFunctionSecrets extends Construct {

  private final Map<String, SecretManagerSecret> byVariable = new LinkedHashMap<>();

  /** Declares the three secrets of {@code region}. */
  public AuthFunctionSecrets(Construct scope, String id, RegionConfig region) {
    super(scope, id);
    byVariable.put(
        "STRIDE_DIRECTORY_SECRET",
        secret("directory_hash_key", region, region.directoryHashKeySecretName()));
    byVariable.put(
        "STRIDE_DIRECTORY_API_SECRET",
        secret("directory_api_secret", region, region.directoryApiSecretName()));
    byVariable.put(
        "STRIDE_SMTP_PASSWORD", secret("smtp_password", region, region.smtpPasswordSecretName()));
  }

  private SecretManagerSecret secret(String id, RegionConfig region, String name) {
    return regional(this, id, region, name);
  }

  /**
   * Declares the secret {@code name} replicated only to {@code region}'s location: no version, the
   * value is added out of band.
   */
  static SecretManagerSecret regional(
      Construct scope, String id, RegionConfig region, String name) {
    return SecretManagerSecret.Builder.create(scope, id)
        .project(region.gcpProject())
        .secretId(name)
        .replication(
            SecretManagerSecretReplication.builder()
                .userManaged(
                    SecretManagerSecretReplicationUserManaged.builder()
                        .replicas(
                            List.of(
                                SecretManagerSecretReplicationUserManagedReplicas.builder()
                                    .location(region.location())
                                    .build()))
                        .build())
                .build())
        .build();
  }

  /** The secrets by the environment variable they become, in declaration order. */
  public Map<String, SecretManagerSecret> byVariable() {
    return Collections.unmodifiableMap(byVariable);
  }

  /** The secret ids, for the stack's outputs. */
  public List<String> secretIds() {
    return byVariable.values().stream().map(SecretManagerSecret::getSecretId).toList();
  }
}
