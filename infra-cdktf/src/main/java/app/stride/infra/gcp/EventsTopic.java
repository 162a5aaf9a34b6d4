package app.stride.infra.gcp;

import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.google.pubsub_subscription.PubsubSubscription;
import com.hashicorp.cdktf.providers.google.pubsub_subscription.PubsubSubscriptionDeadLetterPolicy;
import com.hashicorp.cdktf.providers.google.pubsub_subscription_iam_member.PubsubSubscriptionIamMember;
import com.hashicorp.cdktf.providers.google.pubsub_topic.PubsubTopic;
import com.hashicorp.cdktf.providers.google.pubsub_topic.PubsubTopicMessageStoragePolicy;
import com.hashicorp.cdktf.providers.google.pubsub_topic_iam_member.PubsubTopicIamMember;
import java.util.List;
import software.constructs.Construct;

/**
 * An events topic of the region ({@code stride-<events>-<regionId>}, e.g. profile events, which the
 * auth functions publish account deletions to as well). Pub/Sub dead-lettering is a subscription
 * setting, so the topic comes with a delivery subscription that dead-letters to {@code -dlq} after
 * {@value #MAX_DELIVERY_ATTEMPTS} attempts, and a subscription that keeps the dead letters.
 * Messages are stored only in the region's location.
 */
public final class EventsTopic extends Construct {

  /** Delivery attempts after which a message goes to the dead-letter topic. */
  public static final int MAX_DELIVERY_ATTEMPTS = 5;

  private static final String SEVEN_DAYS = "604800s";

  private final PubsubTopic topic;

  /** Creates topic, dead-letter topic, subscriptions and the Pub/Sub service agent's grants. */
  public EventsTopic(
      Construct scope, String id, RegionConfig region, String events, String pubsubServiceAgent) {
    super(scope, id);
    String name = region.eventsName(events);
    topic = topic("topic", region, name);
    PubsubTopic deadLetters = topic("dead_letters", region, name + "-dlq");
    PubsubSubscription delivery =
        PubsubSubscription.Builder.create(this, "delivery")
            .project(region.gcpProject())
            .name(name + "-delivery")
            .topic(topic.getId())
            .ackDeadlineSeconds(60)
            .deadLetterPolicy(
                PubsubSubscriptionDeadLetterPolicy.builder()
                    .deadLetterTopic(deadLetters.getId())
                    .maxDeliveryAttempts(MAX_DELIVERY_ATTEMPTS)
                    .build())
            .build();
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
    PubsubSubscriptionIamMember.Builder.create(this, "agent_acks_delivery")
        .project(region.gcpProject())
        .subscription(delivery.getName())
        .role("roles/pubsub.subscriber")
        .member(pubsubServiceAgent)
        .build();
  }

  private PubsubTopic topic(String id, RegionConfig region, String name) {
    return PubsubTopic.Builder.create(this, id)
        .project(region.gcpProject())
        .name(name)
        .messageStoragePolicy(
            PubsubTopicMessageStoragePolicy.builder()
                .allowedPersistenceRegions(List.of(region.location()))
                .build())
        .build();
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
