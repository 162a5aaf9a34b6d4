package app.stride.infra.gcp;

import app.stride.infra.capability.Capability;
import app.stride.infra.config.RegionConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.constructs.Construct;

/**
 * What a capability owns in a GCP region beside its Firestore data: its key ring ({@link
 * CapabilityKeyRing}, an {@value CapabilityBucket#KEY} key for its bucket and its envelope key),
 * its bucket ({@link CapabilityBucket}), its work topic and its secret settings ({@link
 * CapabilitySecrets}). {@link #grantTo} binds its accounts on each resource; no project-level role
 * is involved.
 */
public final class CapabilityResources extends Construct {

  private final Capability capability;
  private final Optional<CapabilityKeyRing> keys;
  private final Optional<CapabilityBucket> bucket;
  private final Optional<EventsTopic> workTopic;
  private final Optional<CapabilitySecrets> secrets;

  /** Creates the key ring and bucket {@code capability} declares; {@code workTopic} is its own. */
  public CapabilityResources(
      Construct scope,
      String id,
      RegionConfig region,
      Capability capability,
      Optional<EventsTopic> workTopic) {
    super(scope, id);
    this.capability = capability;
    this.workTopic = workTopic;
    List<String> keyNames = new ArrayList<>();
    capability.bucket().ifPresent(b -> keyNames.add(CapabilityBucket.KEY));
    capability.envelopeKey().ifPresent(k -> keyNames.add(k.stem()));
    keys =
        keyNames.isEmpty()
            ? Optional.empty()
            : Optional.of(new CapabilityKeyRing(this, "keys", region, capability.name(), keyNames));
    bucket =
        capability
            .bucket()
            .map(b -> new CapabilityBucket(this, "bucket", region, b, keys.orElseThrow()));
    secrets =
        capability.secrets().isEmpty()
            ? Optional.empty()
            : Optional.of(new CapabilitySecrets(this, "secrets", region, capability));
  }

  /** Whether the capability has anything here. */
  public static boolean needed(Capability capability) {
    return capability.bucket().isPresent()
        || capability.envelopeKey().isPresent()
        || capability.workQueue().isPresent()
        || !capability.secrets().isEmpty();
  }

  /**
   * The variables of its bucket ({@code STRIDE_<NAME>_BUCKET}; the default key applies by itself),
   * envelope key (the crypto key id) and work topic (its id).
   */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    capability.bucket().ifPresent(b -> env.put(b.bucketVariable(), bucket.orElseThrow().name()));
    capability
        .envelopeKey()
        .ifPresent(k -> env.put(k.variable(), keys.orElseThrow().keyId(k.stem())));
    capability
        .workQueue()
        .ifPresent(q -> env.put(q.gcpTopicVariable(), workTopic.orElseThrow().id()));
    return env;
  }

  /**
   * The variables a data eraser reads of these: the bucket's when it deletes objects ({@code
   * objects}) and the work topic's when it queues work ({@code work}, e.g. revocations). Never the
   * envelope key: an eraser deletes sealed tokens without opening them.
   */
  public Map<String, String> eraserEnvironment(boolean objects, boolean work) {
    Map<String, String> env = new LinkedHashMap<>();
    if (objects) {
      capability.bucket().ifPresent(b -> env.put(b.bucketVariable(), bucket.orElseThrow().name()));
    }
    if (work) {
      capability
          .workQueue()
          .ifPresent(q -> env.put(q.gcpTopicVariable(), workTopic.orElseThrow().id()));
    }
    return env;
  }

  /**
   * The variables an outbox relay's configuration requires, though the relay touches none of these
   * resources: the bucket's and the work topic's names. Never the envelope key.
   */
  public Map<String, String> relayEnvironment() {
    return eraserEnvironment(true, true);
  }

  /**
   * Lets a data eraser's account (construct ids {@code <prefix>_...}) list and delete the bucket's
   * objects through the custom role {@code objectRoleId} ({@code objects}) and publish to the work
   * topic ({@code work}); no key, no secret, no signing.
   */
  public void grantToEraser(
      String prefix,
      CapabilityIdentity identity,
      boolean objects,
      boolean work,
      String objectRoleId,
      RegionConfig region) {
    if (objects) {
      bucket
          .orElseThrow(() -> new IllegalArgumentException(capability.name() + " has no bucket"))
          .grantObjectErasure(
              this, prefix + "_erases_objects", region, objectRoleId, identity.member());
    }
    if (work) {
      identity.grantPublish(
          "publish_work",
          workTopic.orElseThrow(
              () -> new IllegalArgumentException(capability.name() + " has no work topic")),
          region);
    }
  }

  /**
   * The secret settings the HTTP function ({@code worker} false) or the worker reads, by variable:
   * the secret ids their secret environment variables reference.
   */
  public Map<String, String> secretEnvironment(boolean worker) {
    return secrets.map(s -> s.environment(worker)).orElse(Map.of());
  }

  /** The ids of its secrets, for the stack's outputs. */
  public List<String> secretIds() {
    return secrets.map(CapabilitySecrets::secretIds).orElse(List.of());
  }

  /**
   * Lets {@code member} (construct ids {@code <prefix>_...}) read and write the bucket's objects,
   * encrypt and decrypt with the envelope key and access the secrets it reads; the HTTP function's
   * account also publishes to the work topic ({@code publishes}), reads every secret setting and
   * signs upload URLs of the bucket with its own account; the worker's publishes no work, signs
   * nothing and reads only the worker's settings.
   */
  public void grantTo(
      String prefix, CapabilityIdentity identity, boolean publishes, RegionConfig region) {
    secrets.ifPresent(s -> s.grantTo(prefix + "_secret", identity.member(), !publishes, region));
    bucket.ifPresent(b -> b.grantObjects(this, prefix + "_objects", identity.member()));
    capability
        .envelopeKey()
        .ifPresent(
            k ->
                keys.orElseThrow()
                    .grantUse(this, prefix + "_" + k.stem() + "_key", k.stem(), identity.member()));
    if (publishes) {
      workTopic.ifPresent(t -> identity.grantPublish("publish_work", t, region));
      // The HTTP function signs upload URLs for its bucket with its own account.
      bucket.ifPresent(b -> identity.grantSelfSigning("signs_uploads"));
    }
  }
}
