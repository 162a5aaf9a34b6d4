package app.stride.infra.aws;

import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocument;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatementCondition;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatementPrincipals;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.constructs.Construct;

/**
 * The execution role of one Lambda: assumable by Lambda only, with one inline policy made of the
 * given grants plus writing to its own log group. Grants name this region's resources by reference,
 * never by wildcard: this is the IAM half of the residency rule (the other half is the guard in
 * code).
 */
public final class FunctionRole extends Construct {

  private final IamRole role;
  private final IamRolePolicy policy;

  /** Creates the role {@code roleName} with {@code grants} and logging to {@code logGroupArn}. */
  public FunctionRole(
      Construct scope,
      String id,
      String roleName,
      List<DataAwsIamPolicyDocumentStatement> grants,
      String logGroupArn) {
    super(scope, id);
    DataAwsIamPolicyDocument trust =
        serviceTrust(this, "trust", "lambda.amazonaws.com", Optional.empty());
    role =
        IamRole.Builder.create(this, "role")
            .name(roleName)
            .assumeRolePolicy(trust.getJson())
            .build();
    List<DataAwsIamPolicyDocumentStatement> statements = new ArrayList<>(grants);
    statements.add(
        allow("Logs", List.of("logs:CreateLogStream", "logs:PutLogEvents"), logGroupArn + ":*"));
    DataAwsIamPolicyDocument permissions =
        DataAwsIamPolicyDocument.Builder.create(this, "permissions").statement(statements).build();
    policy =
        IamRolePolicy.Builder.create(this, "policy")
            .name(roleName + "-data")
            .role(role.getId())
            .policy(permissions.getJson())
            .build();
  }

  /**
   * The trust policy of a role only the AWS service {@code service} may assume (e.g. {@code
   * lambda.amazonaws.com}); with {@code sourceAccount}, only while acting for that account ({@code
   * aws:SourceAccount}), so another account's schedule or pipe cannot borrow the role.
   */
  public static DataAwsIamPolicyDocument serviceTrust(
      Construct scope, String id, String service, Optional<String> sourceAccount) {
    DataAwsIamPolicyDocumentStatement.Builder statement =
        DataAwsIamPolicyDocumentStatement.builder()
            .effect("Allow")
            .actions(List.of("sts:AssumeRole"))
            .principals(
                List.of(
                    DataAwsIamPolicyDocumentStatementPrincipals.builder()
                        .type("Service")
                        .identifiers(List.of(service))
                        .build()));
    sourceAccount.ifPresent(
        account ->
            statement.condition(
                List.of(
                    DataAwsIamPolicyDocumentStatementCondition.builder()
                        .test("StringEquals")
                        .variable("aws:SourceAccount")
                        .values(List.of(account))
                        .build())));
    return DataAwsIamPolicyDocument.Builder.create(scope, id)
        .statement(List.of(statement.build()))
        .build();
  }

  /** An {@code Allow} statement of {@code actions} on exactly {@code resources}. */
  public static DataAwsIamPolicyDocumentStatement allow(
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
