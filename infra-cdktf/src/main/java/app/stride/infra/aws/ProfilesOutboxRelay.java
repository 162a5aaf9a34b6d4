package app.stride.infra.aws;

import static app.stride.infra.aws.FunctionRole.allow;

import app.stride.infra.BuiltArtifact;
import app.stride.infra.FunctionLimits;
import app.stride.infra.config.ObservabilityConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocument;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatementCondition;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatementPrincipals;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.lambda_function.LambdaFunction;
import com.hashicorp.cdktf.providers.aws.lambda_function_event_invoke_config.LambdaFunctionEventInvokeConfig;
import com.hashicorp.cdktf.providers.aws.scheduler_schedule.SchedulerSchedule;
import com.hashicorp.cdktf.providers.aws.scheduler_schedule.SchedulerScheduleFlexibleTimeWindow;
import com.hashicorp.cdktf.providers.aws.scheduler_schedule.SchedulerScheduleTarget;
import com.hashicorp.cdktf.providers.aws.scheduler_schedule.SchedulerScheduleTargetRetryPolicy;
import com.hashicorp.cdktf.providers.aws.scheduler_schedule_group.SchedulerScheduleGroup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The region's profile outbox relay: a Lambda running {@value #DEFINITION} from the profiles jar,
 * invoked by an EventBridge Scheduler schedule every minute. The schedule's input has the shape of
 * a scheduled event ({@code id}, {@code time}, {@code resources = [schedule ARN]}), which {@code
 * ScheduleEvents} in {@code shared-lib/aws} turns into a tick named after the schedule.
 *
 * <p>A missed or failed tick is not retried: the next one, a minute later, relays the same pending
 * events. The function has no SnapStart: it runs warm on a one-minute rate, and the profiles jar's
 * SnapStart priming builds the HTTP function, which this Lambda is not configured for.
 */
public final class ProfilesOutboxRelay extends Construct {

  /** The Spring Cloud Function bean the relay Lambda runs. */
  public static final String DEFINITION = "profilesOutboxRelaySchedule";

  /** The schedule's name inside the region's group; also the tick's schedule name. */
  public static final String SCHEDULE_NAME = "profiles-outbox-relay";

  /** How often the relay runs. */
  public static final String RATE = "rate(1 minute)";

  /** DynamoDB actions on the table's items: read, conditional put, conditional delete. */
  public static final List<String> ITEM_ACTIONS =
      List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem");

  private static final int ONE_MINUTE = 60;

  private final LambdaFunction function;
  private final SchedulerScheduleGroup group;
  private final SchedulerSchedule schedule;

  /** Creates the relay Lambda, the region's schedule group, the schedule and its role. */
  public ProfilesOutboxRelay(
      Construct scope,
      String id,
      RegionConfig region,
      ObservabilityConfig observability,
      BuiltArtifact jar,
      ProfilesTable table,
      ProfileEventsQueue events,
      RegionKey key) {
    super(scope, id);
    Map<String, String> env = new LinkedHashMap<>();
    env.put("STRIDE_REGION", region.id());
    env.put("STRIDE_PROFILES_TABLE", table.name());
    env.put("STRIDE_EVENTS_QUEUE_URL", events.url());
    String name = region.profilesOutboxRelayFunctionName();
    function =
        new SpringLambda(
                this,
                "lambda",
                new SpringLambda.Spec(
                    name,
                    ProfilesLambda.MAIN_CLASS,
                    DEFINITION,
                    ONE_MINUTE,
                    false,
                    env,
                    List.of(
                        allow("ProfilesTable", ITEM_ACTIONS, table.arn()),
                        allow("OutboxIndex", List.of("dynamodb:Query"), table.outboxIndexArn()),
                        allow("ProfileEvents", List.of("sqs:SendMessage"), events.arn()),
                        allow(
                            "RegionKey",
                            List.of("kms:Decrypt", "kms:GenerateDataKey"),
                            key.arn()))),
                SpringLambda.Sizing.arm64(ProfilesLambda.MEMORY_MB, FunctionLimits.SCHEDULED),
                jar,
                observability,
                region.id())
            .function();
    LambdaFunctionEventInvokeConfig.Builder.create(this, "async")
        .functionName(function.getFunctionName())
        .maximumRetryAttempts(0)
        .maximumEventAgeInSeconds(ONE_MINUTE)
        .build();
    group =
        SchedulerScheduleGroup.Builder.create(this, "group")
            .name(region.scheduleGroupName())
            .build();
    IamRole schedulerRole = schedulerRole(name + "-scheduler", function);
    schedule =
        SchedulerSchedule.Builder.create(this, "schedule")
            .name(SCHEDULE_NAME)
            .groupName(group.getName())
            .description("Relays pending profile events of " + region.id())
            .scheduleExpression(RATE)
            .flexibleTimeWindow(SchedulerScheduleFlexibleTimeWindow.builder().mode("OFF").build())
            .state("ENABLED")
            .target(
                SchedulerScheduleTarget.builder()
                    .arn(function.getArn())
                    .roleArn(schedulerRole.getArn())
                    .input(scheduledEventInput(region))
                    .retryPolicy(
                        SchedulerScheduleTargetRetryPolicy.builder()
                            .maximumRetryAttempts(0)
                            .maximumEventAgeInSeconds(ONE_MINUTE)
                            .build())
                    .build())
            .build();
  }

  /** The role EventBridge Scheduler assumes (from this account only) to invoke the relay. */
  private IamRole schedulerRole(String roleName, LambdaFunction target) {
    DataAwsCallerIdentity account = DataAwsCallerIdentity.Builder.create(this, "account").build();
    DataAwsIamPolicyDocument trust =
        DataAwsIamPolicyDocument.Builder.create(this, "scheduler_trust")
            .statement(
                List.of(
                    DataAwsIamPolicyDocumentStatement.builder()
                        .effect("Allow")
                        .actions(List.of("sts:AssumeRole"))
                        .principals(
                            List.of(
                                DataAwsIamPolicyDocumentStatementPrincipals.builder()
                                    .type("Service")
                                    .identifiers(List.of("scheduler.amazonaws.com"))
                                    .build()))
                        .condition(
                            List.of(
                                DataAwsIamPolicyDocumentStatementCondition.builder()
                                    .test("StringEquals")
                                    .variable("aws:SourceAccount")
                                    .values(List.of(account.getAccountId()))
                                    .build()))
                        .build()))
            .build();
    IamRole role =
        IamRole.Builder.create(this, "scheduler_role")
            .name(roleName)
            .assumeRolePolicy(trust.getJson())
            .build();
    DataAwsIamPolicyDocument invoke =
        DataAwsIamPolicyDocument.Builder.create(this, "scheduler_permissions")
            .statement(
                List.of(allow("InvokeRelay", List.of("lambda:InvokeFunction"), target.getArn())))
            .build();
    IamRolePolicy.Builder.create(this, "scheduler_policy")
        .name(roleName + "-invoke")
        .role(role.getId())
        .policy(invoke.getJson())
        .build();
    return role;
  }

  /**
   * A scheduled event's shape with the scheduler's context attributes: the execution id, the
   * scheduled time and the schedule's ARN ({@code .../schedule/<group>/<name>}).
   */
  static String scheduledEventInput(RegionConfig region) {
    return LambdaSchedule.scheduledEventInput(region);
  }

  /** The relay function's name. */
  public String functionName() {
    return function.getFunctionName();
  }

  /** The schedule's ARN. */
  public String scheduleArn() {
    return schedule.getArn();
  }

  /** The region's schedule group ({@code stride-<id>}), shared by every schedule of the region. */
  public String scheduleGroupName() {
    return group.getName();
  }
}
