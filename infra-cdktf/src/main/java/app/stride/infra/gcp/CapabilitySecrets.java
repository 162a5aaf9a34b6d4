package app.stride.infra.gcp;

import app.stride.infra.capability.Capability;
import app.stride.infra.capability.Capability.SecretSetting;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.google.secret_manager_secret.SecretManagerSecret;
import com.hashicorp.cdktf.providers.google.secret_manager_secret_iam_member.SecretManagerSecretIamMember;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.constructs.Construct;

/**
 * A capability's secret settings ({@link Capability#secrets()}) in a GCP region: one Secret Manager
 * secret {@code stride-<capability>-<stem>-<regionId>} per stem, replicated only to the region's
 * location, declared without a version (the value is added out of band, so it is in neither the
 * Terraform JSON nor the state). A function gets each setting as a secret environment variable
 * (version {@code latest}, resolved when an instance starts) and may access exactly the secrets it
 * reads: the HTTP function all, the worker {@link Capability#workerSecrets()}.
 */
public final class CapabilitySecrets extends Construct {

  private final Capability capability;
  private final Map<String, SecretManagerSecret> byStem = new LinkedHashMap<>();

  /** Declares the secrets of {@code capability} in {@code region}. */
  public CapabilitySecrets(Construct scope, String id, RegionConfig region, Capability capability) {
    super(scope, id);
    this.capability = capability;
    for (SecretSetting setting : capability.secrets()) {
      byStem.computeIfAbsent(
          setting.secret(),
          stem ->
              AuthFunctionSecrets.regional(
                  this,
                  stem.replace('-', '_'),
                  region,
                  "stride-" + capability.name() + "-" + stem + "-" + region.id()));
    }
  }

  /** The settings a function reads: the worker's, or all for the HTTP function. */
  private List<SecretSetting> settings(boolean worker) {
    return worker ? capability.workerSecrets() : capability.secrets();
  }

  /** The secret id of each setting the function reads, by variable. */
  public Map<String, String> environment(boolean worker) {
    Map<String, String> env = new LinkedHashMap<>();
    settings(worker).forEach(s -> env.put(s.variable(), byStem.get(s.secret()).getSecretId()));
    return env;
  }

  /**
   * Lets {@code member} access exactly the secrets the function reads (construct ids {@code
   * <prefix>_<stem>}).
   */
  public void grantTo(String prefix, String member, boolean worker, RegionConfig region) {
    Set<String> stems = new LinkedHashSet<>();
    settings(worker).forEach(s -> stems.add(s.secret()));
    for (String stem : stems) {
      SecretManagerSecretIamMember.Builder.create(this, prefix + "_" + stem.replace('-', '_'))
          .project(region.gcpProject())
          .secretId(byStem.get(stem).getSecretId())
          .role(AuthFunctionIdentity.SECRET_ROLE)
          .member(member)
          .build();
    }
  }

  /** The secret ids, for the stack's outputs. */
  public List<String> secretIds() {
    return byStem.values().stream().map(SecretManagerSecret::getSecretId).toList();
  }
}
