package app.stride.infra.aws;

import app.stride.infra.BuiltArtifact;
import app.stride.infra.FunctionLimits;
import app.stride.infra.config.ObservabilityConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.lambda_function.LambdaFunction;
import java.util.List;
import software.constructs.Construct;

/**
 * The auth capability's scheduled work in one region, each a Lambda from the auth jar run by an
 * EventBridge Scheduler schedule in the region's group, like the profile outbox relay:
 *
 * <ul>
 *   <li>{@value #KEY_ROTATION_DEFINITION} every hour: advances the signing-key rotation (adds the
 *       next key, promotes it after it was published long enough, retires and drops old keys);
 *   <li>{@value #DELETION_RELAY_DEFINITION} every five minutes: publishes the {@code
 *       app.stride.user.v1.deleted} events a failed publish left in tombstones.
 * </ul>
 *
 * Each has a reserved concurrency of one (one rotation or relay at a time; the stores' conditional
 * writes keep a second one harmless anyway), no SnapStart (the jar's priming builds the HTTP
 * function), and only the grants its work and the shared wiring need: the rotation never sends
 * events or mail, the relay never sends mail.
 */
public final class AuthSchedules extends Construct {

  /** The bean that advances the key rotation. */
  public static final String KEY_ROTATION_DEFINITION = "authKeyRotationSchedule";

  /** The bean that relays pending deletion events. */
  public static final String DELETION_RELAY_DEFINITION = "authDeletionRelaySchedule";

  /** The rotation's schedule name in the region's group. */
  public static final String KEY_ROTATION_SCHEDULE = "auth-key-rotation";

  /** The relay's schedule name in the region's group. */
  public static final String DELETION_RELAY_SCHEDULE = "auth-deletion-relay";

  /** How often the rotation runs; it must run well within the key's publish-ahead time (1 h). */
  public static final String KEY_ROTATION_RATE = "rate(1 hour)";

  /** How often the relay runs. */
  public static final String DELETION_RELAY_RATE = "rate(5 minutes)";

  private static final int ONE_MINUTE = 60;

  private final LambdaFunction keyRotation;
  private final LambdaFunction deletionRelay;

  /** Creates both functions and their schedules in {@code scheduleGroupName}. */
  public AuthSchedules(
      Construct scope,
      String id,
      RegionConfig region,
      AuthRuntime runtime,
      String scheduleGroupName,
      ObservabilityConfig observability,
      BuiltArtifact jar) {
    super(scope, id);
    keyRotation =
        scheduled(
            "key_rotation",
            region,
            region.authKeyRotationFunctionName(),
            KEY_ROTATION_DEFINITION,
            List.of(runtime.tableGrant(), runtime.keyGrant(), runtime.secretsGrant()),
            runtime,
            observability,
            jar);
    new LambdaSchedule(
        this,
        "key_rotation_schedule",
        region,
        new LambdaSchedule.Spec(
            KEY_ROTATION_SCHEDULE,
            "Advances the signing-key rotation of " + region.id(),
            KEY_ROTATION_RATE,
            scheduleGroupName,
            region.authKeyRotationFunctionName() + "-scheduler"),
        keyRotation);
    deletionRelay =
        scheduled(
            "deletion_relay",
            region,
            region.authDeletionRelayFunctionName(),
            DELETION_RELAY_DEFINITION,
            List.of(
                runtime.tableGrant(),
                runtime.eventsGrant(),
                runtime.keyGrant(),
                runtime.secretsGrant()),
            runtime,
            observability,
            jar);
    new LambdaSchedule(
        this,
        "deletion_relay_schedule",
        region,
        new LambdaSchedule.Spec(
            DELETION_RELAY_SCHEDULE,
            "Relays pending account-deletion events of " + region.id(),
            DELETION_RELAY_RATE,
            scheduleGroupName,
            region.authDeletionRelayFunctionName() + "-scheduler"),
        deletionRelay);
  }

  private LambdaFunction scheduled(
      String id,
      RegionConfig region,
      String name,
      String definition,
      List<DataAwsIamPolicyDocumentStatement> grants,
      AuthRuntime runtime,
      ObservabilityConfig observability,
      BuiltArtifact jar) {
    return new SpringLambda(
            this,
            id,
            new SpringLambda.Spec(
                name,
                AuthRuntime.MAIN_CLASS,
                definition,
                ONE_MINUTE,
                false,
                runtime.environment(false),
                grants),
            SpringLambda.Sizing.arm64(AuthLambda.MEMORY_MB, FunctionLimits.SCHEDULED),
            jar,
            observability,
            region.id())
        .function();
  }

  /** The rotation function's name. */
  public String keyRotationFunctionName() {
    return keyRotation.getFunctionName();
  }

  /** The relay function's name. */
  public String deletionRelayFunctionName() {
    return deletionRelay.getFunctionName();
  }
}
