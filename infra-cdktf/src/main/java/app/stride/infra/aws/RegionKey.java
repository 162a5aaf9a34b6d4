package app.stride.infra.aws;

import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocument;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatementCondition;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatementPrincipals;
import com.hashicorp.cdktf.providers.aws.kms_alias.KmsAlias;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKey;
import com.hashicorp.cdktf.providers.aws.kms_key_policy.KmsKeyPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.constructs.Construct;

/**
 * A customer-managed, rotating KMS key of one region with its alias: the region's key ({@code
 * alias/stride-<regionId>}) that encrypts its tables, queues and fan-out topics, whose use IAM
 * policies decide and which SNS may use for its fan-out topics only ({@link #letSnsDeliverFrom}),
 * or a capability's own key (its bucket's, its envelope key) whose use {@link #limitUseTo}
 * restricts to that capability's roles.
 */
public final class RegionKey extends Construct {

  /** What a key's users may do with it: envelope encryption and SSE-KMS. */
  public static final List<String> USE_ACTIONS =
      List.of("kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey");

  /** What envelope encryption needs: a data key to seal with, and unsealing it again. */
  public static final List<String> ENVELOPE_ACTIONS = List.of("kms:GenerateDataKey", "kms:Decrypt");

  /**
   * What the account (and so IAM) may still do with a restricted key: manage it, never use it. The
   * account must keep {@code kms:PutKeyPolicy}, or KMS refuses the policy (lockout check).
   */
  public static final List<String> ADMIN_ACTIONS =
      List.of(
          "kms:Create*",
          "kms:Describe*",
          "kms:Enable*",
          "kms:List*",
          "kms:Put*",
          "kms:Update*",
          "kms:Revoke*",
          "kms:Disable*",
          "kms:Get*",
          "kms:Delete*",
          "kms:TagResource",
          "kms:UntagResource",
          "kms:ScheduleKeyDeletion",
          "kms:CancelKeyDeletion");

  /** The service principal of SNS. */
  public static final String SNS_SERVICE = "sns.amazonaws.com";

  private final KmsKey key;

  /** Creates the region's key and its alias {@code alias/stride-<regionId>}. */
  public RegionKey(Construct scope, String id, RegionConfig region) {
    this(
        scope,
        id,
        "alias/stride-" + region.id(),
        "Stride " + region.id() + ": personal data at rest");
  }

  /** Creates a key with rotation on and the alias {@code alias}. */
  public RegionKey(Construct scope, String id, String alias, String description) {
    super(scope, id);
    key =
        KmsKey.Builder.create(this, "key")
            .description(description)
            .enableKeyRotation(true)
            .deletionWindowInDays(30)
            .build();
    KmsAlias.Builder.create(this, "alias").name(alias).targetKeyId(key.getKeyId()).build();
  }

  /**
   * Replaces the default key policy: the account may administer the key but not use it, so no IAM
   * policy can grant its use; only {@code roleArns} may use it ({@link #USE_ACTIONS}), through
   * {@code viaService} only when given (e.g. {@code s3.<region>.amazonaws.com}).
   */
  public void limitUseTo(List<String> roleArns, Optional<String> viaService) {
    limitUseTo(
        roleArns,
        USE_ACTIONS,
        viaService
            .map(
                service ->
                    List.of(
                        DataAwsIamPolicyDocumentStatementCondition.builder()
                            .test("StringEquals")
                            .variable("kms:ViaService")
                            .values(List.of(service))
                            .build()))
            .orElse(List.of()));
  }

  /**
   * Replaces the default key policy for an envelope key: only {@code roleArns} may use it, for
   * {@link #ENVELOPE_ACTIONS} and under an encryption context of exactly {@code contextKeys} (
   * {@link #encryptionContextConditions}).
   */
  public void limitEnvelopeUseTo(List<String> roleArns, List<String> contextKeys) {
    limitUseTo(roleArns, ENVELOPE_ACTIONS, encryptionContextConditions(contextKeys));
  }

  /**
   * The conditions binding a use of a key to an encryption context of exactly {@code contextKeys}:
   * no other key ({@code ForAllValues:StringEquals} on {@code kms:EncryptionContextKeys}) and each
   * present ({@code Null} false on each {@code kms:EncryptionContext:<key>}; the first alone would
   * also let an empty context through).
   */
  public static List<DataAwsIamPolicyDocumentStatementCondition> encryptionContextConditions(
      List<String> contextKeys) {
    List<DataAwsIamPolicyDocumentStatementCondition> conditions = new ArrayList<>();
    conditions.add(
        DataAwsIamPolicyDocumentStatementCondition.builder()
            .test("ForAllValues:StringEquals")
            .variable("kms:EncryptionContextKeys")
            .values(contextKeys)
            .build());
    for (String key : contextKeys) {
      conditions.add(
          DataAwsIamPolicyDocumentStatementCondition.builder()
              .test("Null")
              .variable("kms:EncryptionContext:" + key)
              .values(List.of("false"))
              .build());
    }
    return conditions;
  }

  /**
   * Replaces the default key policy of the region's key with the same account statement ({@code
   * kms:*} for the account, so IAM policies keep deciding which roles use the key, as before) plus
   * one statement for SNS: it may make and open data keys ({@link #ENVELOPE_ACTIONS}) only while
   * delivering a message of one of {@code topicArns} ({@code aws:SourceArn}, whose ARN names the
   * account too; the condition AWS CDK sets for the same case). SNS needs them to send into a queue
   * this key encrypts ({@link EventsFanOut}), and no IAM policy can grant a service principal a
   * key.
   */
  public void letSnsDeliverFrom(List<String> topicArns) {
    DataAwsCallerIdentity account = DataAwsCallerIdentity.Builder.create(this, "account").build();
    DataAwsIamPolicyDocument policy =
        DataAwsIamPolicyDocument.Builder.create(this, "key_policy")
            .statement(
                List.of(
                    DataAwsIamPolicyDocumentStatement.builder()
                        .sid("AccountUsesThroughIam")
                        .effect("Allow")
                        .principals(List.of(accountRoot(account)))
                        .actions(List.of("kms:*"))
                        .resources(List.of("*"))
                        .build(),
                    DataAwsIamPolicyDocumentStatement.builder()
                        .sid("SnsDeliversToEncryptedQueues")
                        .effect("Allow")
                        .principals(
                            List.of(
                                DataAwsIamPolicyDocumentStatementPrincipals.builder()
                                    .type("Service")
                                    .identifiers(List.of(SNS_SERVICE))
                                    .build()))
                        .actions(ENVELOPE_ACTIONS)
                        .resources(List.of("*"))
                        .condition(
                            List.of(
                                DataAwsIamPolicyDocumentStatementCondition.builder()
                                    .test("ArnEquals")
                                    .variable("aws:SourceArn")
                                    .values(topicArns)
                                    .build()))
                        .build()))
            .build();
    KmsKeyPolicy.Builder.create(this, "policy")
        .keyId(key.getKeyId())
        .policy(policy.getJson())
        .build();
  }

  private static DataAwsIamPolicyDocumentStatementPrincipals accountRoot(
      DataAwsCallerIdentity account) {
    return DataAwsIamPolicyDocumentStatementPrincipals.builder()
        .type("AWS")
        .identifiers(List.of("arn:aws:iam::" + account.getAccountId() + ":root"))
        .build();
  }

  private void limitUseTo(
      List<String> roleArns,
      List<String> actions,
      List<DataAwsIamPolicyDocumentStatementCondition> conditions) {
    DataAwsCallerIdentity account = DataAwsCallerIdentity.Builder.create(this, "account").build();
    List<DataAwsIamPolicyDocumentStatement> statements = new ArrayList<>();
    statements.add(
        DataAwsIamPolicyDocumentStatement.builder()
            .sid("AccountAdministers")
            .effect("Allow")
            .principals(List.of(accountRoot(account)))
            .actions(ADMIN_ACTIONS)
            .resources(List.of("*"))
            .build());
    DataAwsIamPolicyDocumentStatement.Builder use =
        DataAwsIamPolicyDocumentStatement.builder()
            .sid("CapabilityRolesUse")
            .effect("Allow")
            .principals(
                List.of(
                    DataAwsIamPolicyDocumentStatementPrincipals.builder()
                        .type("AWS")
                        .identifiers(roleArns)
                        .build()))
            .actions(actions)
            .resources(List.of("*"));
    if (!conditions.isEmpty()) {
      use.condition(conditions);
    }
    statements.add(use.build());
    DataAwsIamPolicyDocument policy =
        DataAwsIamPolicyDocument.Builder.create(this, "key_policy").statement(statements).build();
    KmsKeyPolicy.Builder.create(this, "policy")
        .keyId(key.getKeyId())
        .policy(policy.getJson())
        .build();
  }

  /** The key's ARN. */
  public String arn() {
    return key.getArn();
  }
}
