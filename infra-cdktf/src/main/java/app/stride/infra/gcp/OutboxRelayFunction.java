package app.stride.infra.gcp;

import app.stride.infra.capability.Capability;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.google.service_account.ServiceAccount;
import software.constructs.Construct;

/**
 * The outbox relay of one capability in a GCP region ({@link Capability.Outbox}), the counterpart
 * of the AWS {@code OutboxRelay}: a Cloud Function {@code stride-<name>-outbox-relay-<regionId>} of
 * the capability's zip ({@link CapabilityCloudFunction#relay}) running {@link
 * Capability.Outbox#gcpEntryPoint()} as the capability's HTTP function's account (it reads and
 * writes the capability's documents and publishes on its events topic, as that function does, so no
 * grant is added), at most one instance; its own {@link CloudSchedule} of that name publishes a
 * tick every minute (UTC) with the schedule attribute {@link #scheduleName} (the AWS schedule's
 * name), and the function's event trigger takes it without retries: a missed or failed tick is
 * caught up by the next one.
 *
 * <p>The trigger runs as a dedicated account ({@link #triggerAccountId}), the only member allowed
 * to invoke the relay, and nothing else.
 */
public final class OutboxRelayFunction extends Construct {

  /** Every minute, as the AWS relay's {@code rate(1 minute)}. */
  public static final String CRON = "* * * * *";

  private final CapabilityCloudFunction function;

  /**
   * Creates the trigger account, the schedule and the relay of {@code capability}.
   *
   * @param http the capability's HTTP function, whose zip the relay runs
   * @param settings the HTTP function's settings for the relay ({@link
   *     CapabilityCloudFunction.Settings#forRelay})
   */
  public OutboxRelayFunction(
      Construct scope,
      String id,
      Capability capability,
      CapabilityCloudFunction http,
      CapabilityCloudFunction.Settings settings) {
    super(scope, id);
    if (capability.outbox().isEmpty()) {
      throw new IllegalArgumentException(capability.name() + " has no outbox");
    }
    RegionConfig region = settings.region();
    String name = region.outboxRelayFunctionName(capability.name());
    ServiceAccount trigger =
        CloudSchedule.triggerAccount(this, region, triggerAccountId(region, capability), name);
    CloudSchedule schedule =
        new CloudSchedule(
            this,
            "schedule",
            region,
            name,
            scheduleName(capability),
            CRON,
            "Relays pending " + capability.name() + " events of " + region.id());
    function =
        CapabilityCloudFunction.relay(
            this,
            "function",
            capability,
            http,
            settings,
            schedule.topicId(),
            trigger.getEmail(),
            trigger.getMember());
  }

  /**
   * The schedule's name, which each tick carries: {@code <name>-outbox-relay}, as the AWS relay's
   * schedule.
   */
  public static String scheduleName(Capability capability) {
    return capability.name() + "-outbox-relay";
  }

  /**
   * The trigger account {@code <name>-relay-ticks-<regionId>}, e.g. {@code
   * profiles-relay-ticks-apac}: without the {@code stride-} prefix, like the sweep's ({@link
   * SubscriberSweepFunction#triggerAccountId}).
   *
   * @throws IllegalArgumentException when it is longer than Google's {@value
   *     SubscriberFunction#MAX_ACCOUNT_ID} characters
   */
  public static String triggerAccountId(RegionConfig region, Capability capability) {
    return SubscriberFunction.withinLimit(
        "trigger", capability.name() + "-relay-ticks-" + region.id());
  }

  /** The relay function's name. */
  public String functionName() {
    return function.name();
  }
}
