package app.stride.infra;

import app.stride.infra.capability.Capabilities;
import app.stride.infra.capability.Capability;
import app.stride.infra.config.Cloud;
import app.stride.infra.config.EnvConfig;
import app.stride.infra.config.RegionConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The concurrency cap of every Stride function, in one table: reserved concurrency on AWS Lambda
 * (which both guarantees and caps it) and the maximum instance count on Cloud Functions. Stacks
 * read their function's cap from here, and {@code FunctionLimitsTest} checks that every synthesized
 * function carries exactly the cap this table names, so a new function without a cap fails the
 * build.
 *
 * <ul>
 *   <li>HTTP functions: from configuration ({@code scaling}, its {@code capabilities} for planner,
 *       workouts and social, {@code authFunctions.maxConcurrency}), sized so one region cannot
 *       exhaust the account's concurrency or the store;
 *   <li>the chat channel: {@code realtime.awsMaxConcurrency} (Lambda), {@code
 *       realtime.gcpMaxInstances} (Cloud Run: 1 until changes fan out across instances);
 *   <li>work-queue workers, where a capability declares one (devices will): {@code
 *       scaling.workers}, which bounds the calls a region makes to third-party APIs at once;
 *   <li>event subscribers (the data erasers): {@value #SUBSCRIBER};
 *   <li>scheduled functions (the outbox relays and auth's deletion relay, key rotation, a
 *       subscriber's follow-up sweep), on both clouds: {@value #SCHEDULED}; one tick at a time, the
 *       next tick catches up.
 * </ul>
 */
public final class FunctionLimits {

  /** The cap of every scheduled function (relays, key rotation, sweeps). */
  public static final int SCHEDULED = 1;

  /**
   * The cap of every event subscriber (the data erasers): account deletions are rare and may wait,
   * each erasure may be retried, and two is the least an SQS event source's maximum concurrency may
   * be; it keeps a burst of deletions from crowding one region's store.
   */
  public static final int SUBSCRIBER = 2;

  /** Requests one auth instance serves at once on GCP: Argon2id needs a full core per hash. */
  public static final int AUTH_REQUESTS_PER_INSTANCE = 1;

  private FunctionLimits() {}

  /** Function name to cap, for every function of {@code region}'s stack. */
  public static Map<String, Integer> forRegion(RegionConfig region, EnvConfig env) {
    return forRegion(region, env, Capabilities.ALL);
  }

  /**
   * Function name to cap, for every function of {@code region}'s stack when it deploys {@code
   * capabilities}.
   */
  public static Map<String, Integer> forRegion(
      RegionConfig region, EnvConfig env, List<Capability> capabilities) {
    Map<String, Integer> caps = new LinkedHashMap<>();
    for (Capability capability : capabilities) {
      caps.put(
          region.functionName(capability.name()),
          env.scaling().httpMaxConcurrency(capability.name()));
      if (capability.outbox().isPresent()) {
        caps.put(region.outboxRelayFunctionName(capability.name()), SCHEDULED);
      }
      if (capability.worker().isPresent()) {
        caps.put(
            region.workerFunctionName(capability.name()),
            env.scaling().workerMaxConcurrency(capability.name()));
      }
      for (Capability.Subscriber subscriber : capability.subscribers()) {
        caps.put(region.subscriberFunctionName(capability.name(), subscriber.stem()), SUBSCRIBER);
        if (subscriber.sweep().isPresent()) {
          caps.put(
              region.subscriberSweepFunctionName(capability.name(), subscriber.stem()), SCHEDULED);
        }
      }
    }
    // The chat channel: the WebSocket Lambda (AWS), the Cloud Run server (GCP).
    caps.put(
        region.realtimeFunctionName(Capabilities.SOCIAL_REALTIME.name()),
        region.cloud() == Cloud.AWS
            ? env.realtime().awsMaxConcurrency()
            : env.realtime().gcpMaxInstances());
    caps.put(region.authFunctionName(), env.authFunctions().maxConcurrency());
    caps.put(region.authKeyRotationFunctionName(), SCHEDULED);
    caps.put(region.authDeletionRelayFunctionName(), SCHEDULED);
    return caps;
  }

  /** Function name to cap, for the global stack. */
  public static Map<String, Integer> forGlobal(EnvConfig env) {
    return Map.of(env.global().directoryFunctionName(), env.scaling().directoryMaxConcurrency());
  }

  /** The cap of {@code functionName} in {@code region}'s stack deploying {@code capabilities}. */
  public static int of(
      RegionConfig region, EnvConfig env, List<Capability> capabilities, String functionName) {
    Integer cap = forRegion(region, env, capabilities).get(functionName);
    if (cap == null) {
      throw new IllegalArgumentException("no concurrency cap for " + functionName);
    }
    return cap;
  }
}
