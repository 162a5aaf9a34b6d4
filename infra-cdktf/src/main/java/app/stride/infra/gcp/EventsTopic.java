package app.stride.infra.gcp;

import app.stride.infra.capability.Capability;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.google.pubsub_subscription.PubsubSubscription;
import com.hashicorp.cdktf.providers.google.pubsub_subscription.PubsubSubscriptionDeadLetterPolicy;
import com.hashicorp.cdktf.providers.google.pubsub_subscription.PubsubSubscriptionExpirationPolicy;
import com.hashicorp.cdktf.providers.google.pubsub_subscription.PubsubSubscriptionPushConfig;
import com.hashicorp.cdktf.providers.google.pubsub_subscription.PubsubSubscriptionPushConfigOidcToken;
import com.hashicorp.cdktf.providers.google.pubsub_subscription.PubsubSubscriptionRetryPolicy;
import com.hashicorp.cdktf.providers.google.pubsub_subscription_iam_member.PubsubSubscriptionIamMember;
import com.hashicorp.cdktf.providers.google.pubsub_topic.PubsubTopic;
import com.hashicorp.cdktf.providers.google.pubsub_topic.PubsubTopicMessageStoragePolicy;
import com.hashicorp.cdktf.providers.google.pubsub_topic_iam_member.PubsubTopicIamMember;
import java.util.List;
import java.util.Optional;
import software.constructs.Construct;

/**
 * A topic of the region ({@code stride-<events>-<regionId>}): an events topic (e.g. profile events,
 * which the auth functions publish account deletions to as well) or a capability's work topic.
 * Pub/Sub dead-lettering is a subscription setting, so the topic comes with a delivery subscription
 * that dead-letters to {@code -dlq} after {@value #MAX_DELIVERY_ATTEMPTS} attempts, and a
 * subscription that keeps the dead letters. The delivery subscription is pulled, or, for a work
 * topic ({@link #forWork}) with a worker ({@link Push}), pushes to the worker with an OIDC token of
 * a dedicated invoker account and backs off between attempts; a work topic without a worker holds
 * its messages in a pulled delivery subscription nobody pulls yet ({@link #hold}). Messages are
 * stored only in the region's location.
 */
public final class EventsTopic extends Construct {

  /** Delivery attempts after which a message goes to the dead-letter topic. */
  public static final int MAX_DELIVERY_ATTEMPTS = 5;

  private static final String SEVEN_DAYS = "604800s";

  /** How long a work topic itself keeps messages: a subscription can seek back within it. */
  private static final String WORK_RETENTION =
      Capability.WorkQueue.RETENTION_DAYS * 24 * 3600 + "s";

  private final RegionConfig region;
  private final String pubsubServiceAgent;
  private final String name;
  private final PubsubTopic topic;
  private final PubsubTopic deadLetters;

  /**
   * Delivery by push to a worker.
   *
   * @param endpoint the worker's URL (its Cloud Run service), also the token's audience
   * @param invokerEmail the account whose OIDC token Pub/Sub presents (the only invoker)
   * @param ackDeadlineSeconds how long Pub/Sub waits for the worker's answer
   */
  public record Push(String endpoint, String invokerEmail, int ackDeadlineSeconds) {}

  /** Creates topic, dead-letter topic, subscriptions and the Pub/Sub service agent's grants. */
  public EventsTopic(
      Construct scope, String id, RegionConfig region, String events, String pubsubServiceAgent) {
    this(scope, id, region, events, pubsubServiceAgent, true);
  }

  /**
   * A work topic {@code stride-<stem>-<regionId>} keeping messages {@value
   * Capability.WorkQueue#RETENTION_DAYS} days: topic, dead-letter topic and its hold subscription;
   * the delivery subscription comes with {@link #pushTo} once the worker exists, or with {@link
   * #hold} while there is none.
   */
  public static EventsTopic forWork(
      Construct scope, String id, RegionConfig region, String stem, String pubsubServiceAgent) {
    return new EventsTopic(scope, id, region, stem, pubsubServiceAgent, false);
  }

  private EventsTopic(
      Construct scope,
      String id,
      RegionConfig region,
      String events,
      String pubsubServiceAgent,
      boolean pull) {
    super(scope, id);
    this.region = region;
    this.pubsubServiceAgent = pubsubServiceAgent;
    name = region.eventsName(events);
    topic = topic("topic", region, name, pull ? Optional.empty() : Optional.of(WORK_RETENTION));
    deadLetters = topic("dead_letters", region, name + "-dlq", Optional.empty());
    PubsubSubscription.Builder.create(this, "dead_letter_hold")
        .project(region.gcpProject())
        .name(name + "-dlq-hold")
        .topic(deadLetters.getId())
        .messageRetentionDuration(SEVEN_DAYS)
        .build();
    // Pub/Sub itself forwards dead letters: it must publish to the DLQ and ack the source.
    PubsubTopicIamMember.Builder.create(this, "agent_publishes_dead_letters")
        .project(region.gcpProject())
        .topic(deadLetters.getName())
        .role("roles/pubsub.publisher")
        .member(pubsubServiceAgent)
        .build();
    if (pull) {
      delivery(Optional.empty(), false);
    }
  }

  /**
   * The delivery subscription of a work topic, pushing to {@code push}'s endpoint with an OIDC
   * token of its invoker and backing off between attempts.
   */
  public void pushTo(Push push) {
    delivery(Optional.of(push), false);
  }

  /**
   * The delivery subscription of a work topic without a worker: pulled by nobody, so messages wait
   * in it for 7 days (Pub/Sub's limit for a subscription; the topic keeps them {@value
   * Capability.WorkQueue#RETENTION_DAYS} days to seek back to), and it never expires for lack of
   * activity. When the worker arrives, {@link #pushTo} replaces it in place: same subscription, now
   * pushing.
   */
  public void hold() {
    delivery(Optional.empty(), true);
  }

  private void delivery(Optional<Push> push, boolean held) {
    PubsubSubscription.Builder deliveryBuilder =
        PubsubSubscription.Builder.create(this, "delivery")
            .project(region.gcpProject())
            .name(name + "-delivery")
            .topic(topic.getId())
            .ackDeadlineSeconds(push.map(Push::ackDeadlineSeconds).orElse(60))
            .deadLetterPolicy(
                PubsubSubscriptionDeadLetterPolicy.builder()
                    .deadLetterTopic(deadLetters.getId())
                    .maxDeliveryAttempts(MAX_DELIVERY_ATTEMPTS)
                    .build());
    if (held) {
      deliveryBuilder
          .messageRetentionDuration(SEVEN_DAYS)
          .expirationPolicy(PubsubSubscriptionExpirationPolicy.builder().ttl("").build());
    }
    push.ifPresent(
        p ->
            deliveryBuilder
                .pushConfig(
                    PubsubSubscriptionPushConfig.builder()
                        .pushEndpoint(p.endpoint())
                        .oidcToken(
                            PubsubSubscriptionPushConfigOidcToken.builder()
                                .serviceAccountEmail(p.invokerEmail())
                                .audience(p.endpoint())
                                .build())
                        .build())
                .retryPolicy(
                    PubsubSubscriptionRetryPolicy.builder()
                        .minimumBackoff("10s")
                        .maximumBackoff("600s")
                        .build()));
    PubsubSubscription delivery = deliveryBuilder.build();
    PubsubSubscriptionIamMember.Builder.create(this, "agent_acks_delivery")
        .project(region.gcpProject())
        .subscription(delivery.getName())
        .role("roles/pubsub.subscriber")
        .member(pubsubServiceAgent)
        .build();
  }

  private PubsubTopic topic(
      String id, RegionConfig region, String name, Optional<String> retention) {
    PubsubTopic.Builder builder =
        PubsubTopic.Builder.create(this, id)
            .project(region.gcpProject())
            .name(name)
            .messageStoragePolicy(
                PubsubTopicMessageStoragePolicy.builder()
                    .allowedPersistenceRegions(List.of(region.location()))
                    .build());
    retention.ifPresent(builder::messageRetentionDuration);
    return builder.build();
  }

  /** The topic's short name, for IAM bindings. */
  public String name() {
    return topic.getName();
  }

  /** The topic's full id {@code projects/<project>/topics/<name>}, handed to the function. */
  public String id() {
    return topic.getId();
  }
}
