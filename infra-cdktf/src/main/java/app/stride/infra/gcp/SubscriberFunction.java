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
import com.hashicorp.cdktf.providers.google.service_account.ServiceAccount;
import com.hashicorp.cdktf.providers.google.service_account_iam_member.ServiceAccountIamMember;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * A capability's subscriber ({@link Capability.Subscriber}, the data erasers) in a GCP region: a
 * Cloud Function of the capability's zip ({@link CapabilityCloudFunction#subscriber}) running as
 * its own account, fed by its own push subscription {@code stride-<name>-<stem>-<regionId>} of the
 * events topic it subscribes to.
 *
 * <p>A subscription of our own, not an Eventarc Pub/Sub trigger, because only it can filter on an
 * attribute and dead-letter: the filter {@code attributes.ce-type = "<eventType>"} passes only the
 * subscriber's event type (auth publishes {@code ce-id} and {@code ce-type} as attributes, and the
 * topic also carries the profile events, among them the ones the profiles eraser itself publishes);
 * Pub/Sub acknowledges the rest at once. Deliveries back off between {@value #MINIMUM_BACKOFF} and
 * {@value #MAXIMUM_BACKOFF} and go, after {@value EventsTopic#MAX_DELIVERY_ATTEMPTS} attempts, to
 * the subscriber's own dead-letter topic {@code <subscription>-dlq}, kept 7 days by {@code
 * <subscription>-dlq-hold}; both topics store messages only in the region's location. The
 * subscription never expires: account deletions may not come for longer than Pub/Sub's default 31
 * idle days. Pub/Sub waits for an answer as long as the function may take ({@link
 * Capability.Subscriber#timeoutSeconds()}, at least 60 s).
 *
 * <p>The push carries an OIDC token of a dedicated invoker account ({@link #invokerAccountId}), the
 * only member allowed to invoke that function; the Pub/Sub service agent may mint its tokens,
 * forward dead letters and acknowledge them on the subscription, nothing more.
 */
public final class SubscriberFunction extends Construct {

  /** The first wait before Pub/Sub delivers a message again. */
  public static final String MINIMUM_BACKOFF = "10s";

  /** The longest wait between two deliveries of a message. */
  public static final String MAXIMUM_BACKOFF = "600s";

  /** The longest service account id Google accepts. */
  public static final int MAX_ACCOUNT_ID = 30;

  private static final String SEVEN_DAYS = "604800s";

  /**
   * What a data eraser touches beyond the region's Firestore documents, as its code does it; its
   * account gets exactly these grants and its function exactly these variables.
   *
   * @param publishesEvents publishes to its capability's events topic ({@code STRIDE_EVENTS_TOPIC})
   * @param queuesWork sends messages to its capability's work topic
   * @param deletesObjects lists and deletes objects of its capability's bucket
   */
  public record EraserAccess(boolean publishesEvents, boolean queuesWork, boolean deletesObjects) {

    /**
     * Read from the erasers' code, which infra cannot see: the profiles eraser emits {@code
     * app.stride.profile.v1.updated} (change {@code deleted}) for the profile it erases ({@code
     * UserDataEraser}); the planner and workouts erasers delete Firestore documents only; the
     * devices eraser disconnects each provider as a user's disconnect does, queueing the grant's
     * revocation on the work topic, and deletes the user's folders of the bucket ({@code
     * GcsObjectStore.deleteUnder}), publishing no event. Neither opens a sealed token or reads a
     * secret setting.
     */
    private static final Map<String, EraserAccess> BY_CAPABILITY =
        Map.of(
            "profiles", new EraserAccess(true, false, false),
            "planner", new EraserAccess(false, false, false),
            "workouts", new EraserAccess(false, false, false),
            "devices", new EraserAccess(false, true, true));

    /**
     * The access of {@code subscriber} of {@code capability}.
     *
     * @throws IllegalArgumentException for a subscriber that is not a known data eraser: its grants
     *     are to be read from its code and added here, never guessed
     */
    public static EraserAccess of(Capability capability, Capability.Subscriber subscriber) {
      EraserAccess access = BY_CAPABILITY.get(capability.name());
      if (access == null || !subscriber.stem().equals("eraser")) {
        throw new IllegalArgumentException(
            "no GCP grants declared for the subscriber "
                + subscriber.stem()
                + " of "
                + capability.name());
      }
      return access;
    }
  }

  private final CapabilityCloudFunction function;
  private final String subscriptionName;

  /**
   * Creates the invoker account, the function, the dead-letter topic and the push subscription of
   * {@code events} for {@code subscriber} of {@code capability}.
   *
   * @param http the capability's HTTP function, whose zip the subscriber runs
   * @param settings what the subscriber runs with ({@link CapabilityCloudFunction.Settings
   *     #forSubscriber})
   * @param events the topic the subscriber subscribes to ({@link Capability.Subscriber#events()})
   * @param pubsubServiceAgent the project's Pub/Sub service agent as an IAM member
   */
  public SubscriberFunction(
      Construct scope,
      String id,
      Capability capability,
      Capability.Subscriber subscriber,
      CapabilityCloudFunction http,
      CapabilityCloudFunction.Settings settings,
      EventsTopic events,
      String pubsubServiceAgent) {
    super(scope, id);
    RegionConfig region = settings.region();
    subscriptionName = region.subscriberFunctionName(capability.name(), subscriber.stem());
    ServiceAccount invoker =
        ServiceAccount.Builder.create(this, "invoker")
            .project(region.gcpProject())
            .accountId(invokerAccountId(region, capability, subscriber))
            .displayName("Pub/Sub push to " + subscriptionName)
            .build();
    ServiceAccountIamMember.Builder.create(this, "agent_mints_tokens")
        .serviceAccountId(invoker.getName())
        .role("roles/iam.serviceAccountTokenCreator")
        .member(pubsubServiceAgent)
        .build();
    function =
        CapabilityCloudFunction.subscriber(
            this, "function", capability, subscriber, http, settings, invoker.getMember());
    PubsubTopic deadLetters =
        PubsubTopic.Builder.create(this, "dead_letters")
            .project(region.gcpProject())
            .name(subscriptionName + "-dlq")
            .messageStoragePolicy(
                PubsubTopicMessageStoragePolicy.builder()
                    .allowedPersistenceRegions(List.of(region.location()))
                    .build())
            .build();
    PubsubSubscription.Builder.create(this, "dead_letter_hold")
        .project(region.gcpProject())
        .name(subscriptionName + "-dlq-hold")
        .topic(deadLetters.getId())
        .messageRetentionDuration(SEVEN_DAYS)
        .expirationPolicy(PubsubSubscriptionExpirationPolicy.builder().ttl("").build())
        .build();
    // Pub/Sub itself forwards dead letters: it must publish to the DLQ and ack the source.
    PubsubTopicIamMember.Builder.create(this, "agent_publishes_dead_letters")
        .project(region.gcpProject())
        .topic(deadLetters.getName())
        .role("roles/pubsub.publisher")
        .member(pubsubServiceAgent)
        .build();
    String endpoint = function.serviceUri();
    PubsubSubscription subscription =
        PubsubSubscription.Builder.create(this, "subscription")
            .project(region.gcpProject())
            .name(subscriptionName)
            .topic(events.id())
            .filter(filter(subscriber))
            .ackDeadlineSeconds(Math.max(60, subscriber.timeoutSeconds()))
            .expirationPolicy(PubsubSubscriptionExpirationPolicy.builder().ttl("").build())
            .pushConfig(
                PubsubSubscriptionPushConfig.builder()
                    .pushEndpoint(endpoint)
                    .oidcToken(
                        PubsubSubscriptionPushConfigOidcToken.builder()
                            .serviceAccountEmail(invoker.getEmail())
                            .audience(endpoint)
                            .build())
                    .build())
            .retryPolicy(
                PubsubSubscriptionRetryPolicy.builder()
                    .minimumBackoff(MINIMUM_BACKOFF)
                    .maximumBackoff(MAXIMUM_BACKOFF)
                    .build())
            .deadLetterPolicy(
                PubsubSubscriptionDeadLetterPolicy.builder()
                    .deadLetterTopic(deadLetters.getId())
                    .maxDeliveryAttempts(EventsTopic.MAX_DELIVERY_ATTEMPTS)
                    .build())
            .build();
    PubsubSubscriptionIamMember.Builder.create(this, "agent_acks_dead_letters")
        .project(region.gcpProject())
        .subscription(subscription.getName())
        .role("roles/pubsub.subscriber")
        .member(pubsubServiceAgent)
        .build();
  }

  /** The subscription's filter: {@code attributes.ce-type = "<eventType>"}. */
  public static String filter(Capability.Subscriber subscriber) {
    return "attributes.ce-type = \"" + subscriber.eventType() + "\"";
  }

  /**
   * The invoker account {@code <name>-<stem>-push-<regionId>}, e.g. {@code
   * profiles-eraser-push-apac}: without the {@code stride-} prefix of the other accounts, which
   * would make {@code stride-profiles-eraser-push-apac} one character over Google's limit of
   * {@value #MAX_ACCOUNT_ID}.
   *
   * @throws IllegalArgumentException when even that is longer than {@value #MAX_ACCOUNT_ID}
   */
  public static String invokerAccountId(
      RegionConfig region, Capability capability, Capability.Subscriber subscriber) {
    return withinLimit(
        "invoker", capability.name() + "-" + subscriber.stem() + "-push-" + region.id());
  }

  /**
   * {@code id}, a service account id for the {@code role} it names in the message (e.g. {@code
   * trigger}).
   *
   * @throws IllegalArgumentException when it is longer than {@value #MAX_ACCOUNT_ID} characters
   */
  static String withinLimit(String role, String id) {
    if (id.length() > MAX_ACCOUNT_ID) {
      throw new IllegalArgumentException(
          role + " account id over " + MAX_ACCOUNT_ID + " characters: " + id);
    }
    return id;
  }

  /** The function's name, also its subscription's and its account's. */
  public String functionName() {
    return function.name();
  }

  /** The push subscription's name. */
  public String subscriptionName() {
    return subscriptionName;
  }
}
