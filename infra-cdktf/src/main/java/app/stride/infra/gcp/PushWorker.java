package app.stride.infra.gcp;

import app.stride.infra.capability.Capability;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.google.service_account.ServiceAccount;
import com.hashicorp.cdktf.providers.google.service_account_iam_member.ServiceAccountIamMember;
import software.constructs.Construct;

/**
 * The worker of a capability's work topic in a GCP region, where the capability declares one: a
 * second Cloud Function of the capability's zip ({@link CapabilityCloudFunction#worker}) running as
 * its own account, the topic's delivery subscription pushing to it with an OIDC token of the
 * dedicated invoker account {@code stride-<name>-push-<regionId>}, the only member allowed to
 * invoke it; the Pub/Sub service agent may mint that account's tokens, nothing more.
 */
public final class PushWorker extends Construct {

  private final CapabilityCloudFunction function;

  /**
   * Creates the invoker account, the worker function and the push subscription of {@code topic}.
   */
  public PushWorker(
      Construct scope,
      String id,
      Capability capability,
      CapabilityCloudFunction http,
      CapabilityCloudFunction.Settings workerSettings,
      EventsTopic topic,
      String pubsubServiceAgent) {
    super(scope, id);
    RegionConfig region = workerSettings.region();
    Capability.Worker work =
        capability
            .worker()
            .orElseThrow(() -> new IllegalArgumentException(capability.name() + " has no worker"));
    ServiceAccount invoker =
        ServiceAccount.Builder.create(this, "invoker")
            .project(region.gcpProject())
            .accountId(invokerAccountId(region, capability))
            .displayName(
                "Pub/Sub push to the " + capability.name() + " worker (" + region.id() + ")")
            .build();
    ServiceAccountIamMember.Builder.create(this, "agent_mints_tokens")
        .serviceAccountId(invoker.getName())
        .role("roles/iam.serviceAccountTokenCreator")
        .member(pubsubServiceAgent)
        .build();
    function =
        CapabilityCloudFunction.worker(
            this, "function", capability, http, workerSettings, invoker.getMember());
    topic.pushTo(
        new EventsTopic.Push(
            function.serviceUri(), invoker.getEmail(), Math.max(60, work.timeoutSeconds())));
  }

  /** {@code stride-<name>-push-<regionId>}. */
  public static String invokerAccountId(RegionConfig region, Capability capability) {
    return "stride-" + capability.name() + "-push-" + region.id();
  }

  /** The worker function's name. */
  public String functionName() {
    return function.name();
  }
}
