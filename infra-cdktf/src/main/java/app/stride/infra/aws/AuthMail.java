package app.stride.infra.aws;

import app.stride.infra.config.AuthFunctionConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatementCondition;
import com.hashicorp.cdktf.providers.aws.sesv2_configuration_set.Sesv2ConfigurationSet;
import com.hashicorp.cdktf.providers.aws.sesv2_configuration_set.Sesv2ConfigurationSetDeliveryOptions;
import com.hashicorp.cdktf.providers.aws.sesv2_configuration_set.Sesv2ConfigurationSetReputationOptions;
import com.hashicorp.cdktf.providers.aws.sesv2_configuration_set.Sesv2ConfigurationSetSendingOptions;
import com.hashicorp.cdktf.providers.aws.sesv2_configuration_set.Sesv2ConfigurationSetSuppressionOptions;
import com.hashicorp.cdktf.providers.aws.sesv2_email_identity.Sesv2EmailIdentity;
import java.util.List;
import software.constructs.Construct;

/**
 * How one AWS region sends auth mail through SES v2: the configuration set {@code stride-auth-<id>}
 * (reputation metrics, bounces and complaints suppressed, TLS required) and the sending domain's
 * identity in this region, with that set as its default. SES identities are regional; the
 * identity's DKIM records (stack output {@code mail_dkim_tokens}) go into the domain's DNS once per
 * region before mail can leave.
 */
public final class AuthMail extends Construct {

  /** The one SES action the functions need. */
  public static final String SEND_ACTION = "ses:SendEmail";

  private final Sesv2ConfigurationSet configurationSet;
  private final Sesv2EmailIdentity identity;
  private final AuthFunctionConfig config;

  /** Creates the configuration set and the identity of {@code config.mailDomain()}. */
  public AuthMail(Construct scope, String id, RegionConfig region, AuthFunctionConfig config) {
    super(scope, id);
    this.config = config;
    configurationSet =
        Sesv2ConfigurationSet.Builder.create(this, "configuration_set")
            .configurationSetName(region.sesConfigurationSetName())
            .deliveryOptions(
                Sesv2ConfigurationSetDeliveryOptions.builder().tlsPolicy("REQUIRE").build())
            .reputationOptions(
                Sesv2ConfigurationSetReputationOptions.builder()
                    .reputationMetricsEnabled(true)
                    .build())
            .sendingOptions(
                Sesv2ConfigurationSetSendingOptions.builder().sendingEnabled(true).build())
            .suppressionOptions(
                Sesv2ConfigurationSetSuppressionOptions.builder()
                    .suppressedReasons(List.of("BOUNCE", "COMPLAINT"))
                    .build())
            .build();
    identity =
        Sesv2EmailIdentity.Builder.create(this, "identity")
            .emailIdentity(config.mailDomain())
            .configurationSetName(configurationSet.getConfigurationSetName())
            .build();
  }

  /**
   * {@value #SEND_ACTION} on exactly this region's identity and configuration set, and only from
   * the configured sender address and display name.
   */
  public DataAwsIamPolicyDocumentStatement sendGrant() {
    return DataAwsIamPolicyDocumentStatement.builder()
        .sid("SendAuthMail")
        .effect("Allow")
        .actions(List.of(SEND_ACTION))
        .resources(List.of(identity.getArn(), configurationSet.getArn()))
        .condition(
            List.of(
                condition("ses:FromAddress", config.mailFromAddress()),
                condition("ses:FromDisplayName", config.mailFromName())))
        .build();
  }

  private static DataAwsIamPolicyDocumentStatementCondition condition(
      String variable, String value) {
    return DataAwsIamPolicyDocumentStatementCondition.builder()
        .test("StringEquals")
        .variable(variable)
        .values(List.of(value))
        .build();
  }

  /** The configuration set's name ({@code STRIDE_SES_CONFIGURATION_SET}). */
  public String configurationSetName() {
    return configurationSet.getConfigurationSetName();
  }

  /** The DKIM tokens of the identity, each a CNAME to publish. */
  public List<String> dkimTokens() {
    return identity.getDkimSigningAttributes().getTokens();
  }
}
