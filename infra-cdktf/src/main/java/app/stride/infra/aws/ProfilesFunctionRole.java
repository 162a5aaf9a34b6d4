package app.stride.infra.aws;

import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocument;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatementPrincipals;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import java.util.List;
import software.constructs.Construct;

/**
 * The execution role of a region's profiles function. Its only grants name this region's table,
 * queue, key and log group by reference, never by wildcard: this is the IAM half of the residency
 * rule (the other half is the guard in code).
 */
public final class ProfilesFunctionRole extends Construct {

  /** Item-level DynamoDB actions the profiles adapter uses; no scans, no transactions. */
  public static final List<String> TABLE_ACTIONS =
      List.of(
          "dynamodb:GetItem",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
          "dynamodb:Query",
          "dynamodb:ConditionCheckItem");

  private final IamRole role;
  private final IamRolePolicy policy;

  /** Creates the role, assumable by Lambda only, with one inline policy. */
  public ProfilesFunctionRole(
      Construct scope,
      String id,
      RegionConfig region,
      ProfilesTable table,
      ProfileEventsQueue events,
      RegionKey key,
      String logGroupArn) {
    super(scope, id);
    DataAwsIamPolicyDocument trust =
        DataAwsIamPolicyDocument.Builder.create(this, "trust")
            .statement(
                List.of(
                    DataAwsIamPolicyDocumentStatement.builder()
                        .effect("Allow")
                        .actions(List.of("sts:AssumeRole"))
                        .principals(
                            List.of(
                                DataAwsIamPolicyDocumentStatementPrincipals.builder()
                                    .type("Service")
                                    .identifiers(List.of("lambda.amazonaws.com"))
                                    .build()))
                        .build()))
            .build();
    role =
        IamRole.Builder.create(this, "role")
            .name(region.profilesFunctionName())
            .assumeRolePolicy(trust.getJson())
            .build();
    DataAwsIamPolicyDocument permissions =
        DataAwsIamPolicyDocument.Builder.create(this, "permissions")
            .statement(
                List.of(
                    allow("ProfilesTable", TABLE_ACTIONS, table.arn(), table.arn() + "/index/*"),
                    allow("ProfileEvents", List.of("sqs:SendMessage"), events.arn()),
                    allow("RegionKey", List.of("kms:Decrypt", "kms:GenerateDataKey"), key.arn()),
                    allow(
                        "Logs",
                        List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                        logGroupArn + ":*")))
            .build();
    policy =
        IamRolePolicy.Builder.create(this, "policy")
            .name(region.profilesFunctionName() + "-data")
            .role(role.getId())
            .policy(permissions.getJson())
            .build();
  }

  private static DataAwsIamPolicyDocumentStatement allow(
      String sid, List<String> actions, String... resources) {
    return DataAwsIamPolicyDocumentStatement.builder()
        .sid(sid)
        .effect("Allow")
        .actions(actions)
        .resources(List.of(resources))
        .build();
  }

  /** The role's ARN. */
  public String arn() {
    return role.getArn();
  }

  /** The inline policy, for functions that must not start before it exists. */
  public IamRolePolicy policy() {
    return policy;
  }
}
