package app.stride.infra.gcp;

import app.stride.infra.capability.Capability;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.google.service_account.ServiceAccount;
import software.constructs.Construct;

/**
 * The scheduled follow-up of a subscriber in a GCP region ({@link Capability.Sweep}, so far the
 * devices eraser's): a Cloud Function {@code stride-<name>-<stem>-sweep-<regionId>} of the
 * capability's zip ({@link CapabilityCloudFunction#sweep}) running {@link
 * Capability.Sweep#gcpEntryPoint()} with the subscriber's time limit, memory, account, variables
 * and so grants (it does to the stores what the subscriber does), at most one instance; its own
 * {@link CloudSchedule} of that name publishes a tick at {@link Capability.Sweep#gcpCron()} (UTC)
 * with the schedule attribute {@link Capability.Sweep#scheduleName()}, and the function's event
 * trigger takes it without retries, as the auth schedules ({@link AuthCloudFunctions}) do.
 *
 * <p>The trigger runs as a dedicated account ({@link #triggerAccountId}), the only member allowed
 * to invoke the sweep, and nothing else.
 */
public final class SubscriberSweepFunction extends Construct {

  private final CapabilityCloudFunction function;

  /**
   * Creates the trigger account, the schedule and the sweep of {@code subscriber} of {@code
   * capability}.
   *
   * @param http the capability's HTTP function, whose zip the sweep runs
   * @param settings the subscriber's settings capped for the sweep ({@link
   *     CapabilityCloudFunction.Settings#forSweep})
   */
  public SubscriberSweepFunction(
      Construct scope,
      String id,
      Capability capability,
      Capability.Subscriber subscriber,
      CapabilityCloudFunction http,
      CapabilityCloudFunction.Settings settings) {
    super(scope, id);
    Capability.Sweep sweep = subscriber.requiredSweep();
    RegionConfig region = settings.region();
    String name = region.subscriberSweepFunctionName(capability.name(), subscriber.stem());
    ServiceAccount trigger =
        CloudSchedule.triggerAccount(
            this, region, triggerAccountId(region, capability, subscriber), name);
    CloudSchedule schedule =
        new CloudSchedule(
            this,
            "schedule",
            region,
            name,
            sweep.scheduleName(),
            sweep.gcpCron(),
            "Sweeps again what the "
                + capability.name()
                + " "
                + subscriber.stem()
                + " handled lately in "
                + region.id());
    function =
        CapabilityCloudFunction.sweep(
            this,
            "function",
            capability,
            subscriber,
            http,
            settings,
            schedule.topicId(),
            trigger.getEmail(),
            trigger.getMember());
  }

  /**
   * The trigger account {@code <name>-<stem>-ticks-<regionId>}, e.g. {@code
   * devices-eraser-ticks-apac}: without the {@code stride-} prefix, like the subscriber's invoker
   * ({@link SubscriberFunction#invokerAccountId}).
   *
   * @throws IllegalArgumentException when it is longer than Google's {@value
   *     SubscriberFunction#MAX_ACCOUNT_ID} characters
   */
  public static String triggerAccountId(
      RegionConfig region, Capability capability, Capability.Subscriber subscriber) {
    return SubscriberFunction.withinLimit(
        "trigger", capability.name() + "-" + subscriber.stem() + "-ticks-" + region.id());
  }

  /** The sweep function's name. */
  public String functionName() {
    return function.name();
  }
}
