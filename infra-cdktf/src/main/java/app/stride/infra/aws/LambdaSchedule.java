package app.stride.infra.aws;

import static app.stride.infra.aws.FunctionRole.allow;

import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocument;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.lambda_function.LambdaFunction;
import com.hashicorp.cdktf.providers.aws.lambda_function_event_invoke_config.LambdaFunctionEventInvokeConfig;
import com.hashicorp.cdktf.providers.aws.scheduler_schedule.SchedulerSchedule;
import com.hashicorp.cdktf.providers.aws.scheduler_schedule.SchedulerScheduleFlexibleTimeWindow;
import com.hashicorp.cdktf.providers.aws.scheduler_schedule.SchedulerScheduleTarget;
import com.hashicorp.cdktf.providers.aws.scheduler_schedule.SchedulerScheduleTargetRetryPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.constructs.Construct;
import tools.jackson.databind.json.JsonMapper;

/**
 * An EventBridge Scheduler schedule that invokes one Lambda, the way the profile outbox relay is
 * run: no flexible window, no retries (neither by the scheduler nor by Lambda's async invoke: the
 * next tick does the same work), input in the scheduled-event shape that {@code ScheduleEvents} in
 * {@code shared-lib/aws} turns into a tick named after the schedule, and a role that this account's
 * scheduler may assume and that may invoke only that function.
 */
public final class LambdaSchedule extends Construct {

  /**
   * What to run and when.
   *
   * @param name the schedule's name inside the group, also the tick's schedule name
   * @param description what the schedule does
   * @param expression an EventBridge Scheduler expression, e.g. {@code rate(1 hour)}
   * @param groupName the region's schedule group
   * @param roleName the scheduler role's name
   */
  public record Spec(
      String name, String description, String expression, String groupName, String roleName) {}

  /** The oldest an event may get before it is dropped (the API's minimum). */
  public static final int MAXIMUM_EVENT_AGE_SECONDS = 60;

  private final SchedulerSchedule schedule;

  /** Schedules {@code target} in {@code region} by {@code spec}. */
  public LambdaSchedule(
      Construct scope, String id, RegionConfig region, Spec spec, LambdaFunction target) {
    super(scope, id);
    LambdaFunctionEventInvokeConfig.Builder.create(this, "async")
        .functionName(target.getFunctionName())
        .maximumRetryAttempts(0)
        .maximumEventAgeInSeconds(MAXIMUM_EVENT_AGE_SECONDS)
        .build();
    IamRole role = schedulerRole(spec.roleName(), target);
    schedule =
        SchedulerSchedule.Builder.create(this, "schedule")
            .name(spec.name())
            .groupName(spec.groupName())
            .description(spec.description())
            .scheduleExpression(spec.expression())
            .flexibleTimeWindow(SchedulerScheduleFlexibleTimeWindow.builder().mode("OFF").build())
            .state("ENABLED")
            .target(
                SchedulerScheduleTarget.builder()
                    .arn(target.getArn())
                    .roleArn(role.getArn())
                    .input(scheduledEventInput(region))
                    .retryPolicy(
                        SchedulerScheduleTargetRetryPolicy.builder()
                            .maximumRetryAttempts(0)
                            .maximumEventAgeInSeconds(MAXIMUM_EVENT_AGE_SECONDS)
                            .build())
                    .build())
            .build();
  }

  private IamRole schedulerRole(String roleName, LambdaFunction target) {
    DataAwsCallerIdentity account = DataAwsCallerIdentity.Builder.create(this, "account").build();
    DataAwsIamPolicyDocument trust =
        FunctionRole.serviceTrust(
            this,
            "scheduler_trust",
            "scheduler.amazonaws.com",
            Optional.of(account.getAccountId()));
    IamRole role =
        IamRole.Builder.create(this, "scheduler_role")
            .name(roleName)
            .assumeRolePolicy(trust.getJson())
            .build();
    DataAwsIamPolicyDocument invoke =
        DataAwsIamPolicyDocument.Builder.create(this, "scheduler_permissions")
            .statement(
                List.of(allow("InvokeTarget", List.of("lambda:InvokeFunction"), target.getArn())))
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
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("version", "0");
    event.put("id", "<aws.scheduler.execution-id>");
    event.put("detail-type", "Scheduled Event");
    event.put("source", "aws.scheduler");
    event.put("time", "<aws.scheduler.scheduled-time>");
    event.put("region", region.location());
    event.put("resources", List.of("<aws.scheduler.schedule-arn>"));
    event.put("detail", Map.of());
    return JsonMapper.shared().writeValueAsString(event);
  }

  /** The schedule's ARN. */
  public String arn() {
    return schedule.getArn();
  }
}
