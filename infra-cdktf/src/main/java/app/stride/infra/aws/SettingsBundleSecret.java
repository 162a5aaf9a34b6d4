package app.stride.infra.aws;

import static app.stride.infra.aws.FunctionRole.allow;

import app.stride.infra.capability.Capability;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.secretsmanager_secret.SecretsmanagerSecret;
import java.util.List;
import software.constructs.Construct;

/**
 * A capability's secret settings ({@link Capability#secrets()}) in one AWS region, as one Secrets
 * Manager secret {@code stride-<capability>-settings-<regionId>} encrypted with the region's key:
 * its string is a JSON object whose members are the settings' variables ({@code
 * {"STRIDE_OAUTH_STATE_KEY": "...", ...}}, {@link #members()}). The HTTP function and the worker
 * get only its ARN ({@value #ARN_ENV}) and may read exactly that secret; at first use the code
 * takes the members it knows ({@code SecretsOverlay} in shared-aws). One variable and one call
 * instead of one per setting, which would overrun Lambda's 4 KB environment.
 *
 * <p>Declared without a version, like the cursor key: the JSON is put out of band once per region
 * ({@code aws secretsmanager put-secret-value --secret-id stride-<capability>-settings-<id>
 * --secret-string file://settings.json}), so no value is in the Terraform JSON or state.
 */
public final class SettingsBundleSecret extends Construct {

  /** The variable carrying the bundle's ARN ({@code SecretsOverlay.BUNDLE_ARN_ENV}). */
  public static final String ARN_ENV = "STRIDE_SECRETS_BUNDLE_ARN";

  private final Capability capability;
  private final SecretsmanagerSecret secret;

  /** Declares the bundle of {@code capability}'s settings in {@code region}. */
  public SettingsBundleSecret(
      Construct scope, String id, RegionConfig region, RegionKey key, Capability capability) {
    super(scope, id);
    if (capability.secrets().isEmpty()) {
      throw new IllegalArgumentException(capability.name() + " has no secret settings");
    }
    this.capability = capability;
    secret =
        SecretsmanagerSecret.Builder.create(this, "secret")
            .name(name(region, capability))
            .description(
                "Stride "
                    + region.id()
                    + ": "
                    + capability.name()
                    + " settings, a JSON object of "
                    + members().size()
                    + " string members (output "
                    + capability.name()
                    + "_settings_members); value set out of band")
            .kmsKeyId(key.arn())
            .recoveryWindowInDays(30)
            .build();
  }

  /** {@code stride-<capability>-settings-<regionId>}. */
  public static String name(RegionConfig region, Capability capability) {
    return "stride-" + capability.name() + "-settings-" + region.id();
  }

  /** The members the JSON object holds: every setting's variable, in declaration order. */
  public List<String> members() {
    return capability.secrets().stream().map(Capability.SecretSetting::variable).toList();
  }

  /** The secret's ARN. */
  public String arn() {
    return secret.getArn();
  }

  /** The secret's name. */
  public String name() {
    return secret.getName();
  }

  /** Reading exactly this secret. */
  public DataAwsIamPolicyDocumentStatement readGrant() {
    return allow(
        CapabilityRuntime.pascal(capability.name()) + "Settings",
        List.of("secretsmanager:GetSecretValue"),
        arn());
  }
}
