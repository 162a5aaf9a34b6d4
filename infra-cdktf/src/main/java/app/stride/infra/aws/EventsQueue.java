package app.stride.infra.aws;

import app.stride.infra.capability.Capability;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarm;
import com.hashicorp.cdktf.providers.aws.sqs_queue.SqsQueue;
import java.util.LinkedHashMap;
import java.util.Map;
import software.constructs.Construct;
import tools.jackson.databind.json.JsonMapper;

/**
 * A queue of the region ({@code stride-<events>-<regionId>}) and its dead-letter queue, both
 * encrypted with the region's key: an events queue (e.g. profile events, which the auth functions
 * send account deletions to as well), or a capability's work queue ({@link #forWork}) or a
 * subscriber's queue ({@link #forSubscriber}), which keeps messages {@value
 * Capability.WorkQueue#RETENTION_DAYS} days, whose visibility timeout covers its consumer's retries
 * and whose dead letters raise an alarm.
 */
public final class EventsQueue extends Construct {

  /** Receives after which a message moves to the dead-letter queue. */
  public static final int MAX_RECEIVE_COUNT = 5;

  private static final int FOURTEEN_DAYS = Capability.WorkQueue.RETENTION_DAYS * 24 * 3600;

  /** Default visibility timeout of an events queue. */
  public static final int VISIBILITY_TIMEOUT_SECONDS = 60;

  /**
   * A work queue's visibility timeout in multiples of its worker's timeout, as AWS advises for a
   * Lambda event source (the poller's retries of a throttled batch fit in it).
   */
  public static final int WORKER_TIMEOUT_MULTIPLE = 6;

  private final SqsQueue queue;
  private final SqsQueue deadLetters;
  private final String name;

  /** Creates {@code stride-<events>-<regionId>} and its {@code -dlq}. */
  public EventsQueue(
      Construct scope, String id, RegionConfig region, RegionKey key, String events) {
    this(scope, id, region, key, events, VISIBILITY_TIMEOUT_SECONDS, false);
  }

  /**
   * A work queue whose consumer runs at most {@code consumerTimeoutSeconds} per batch ({@link
   * Capability.WorkQueue#consumerTimeoutSeconds()}): its visibility timeout is {@value
   * #WORKER_TIMEOUT_MULTIPLE} times that, messages wait up to {@value
   * Capability.WorkQueue#RETENTION_DAYS} days (also while no worker drains it yet), and any message
   * in its dead-letter queue raises the alarm {@code <name>-dlq-not-empty}.
   */
  public static EventsQueue forWork(
      Construct scope,
      String id,
      RegionConfig region,
      RegionKey key,
      String stem,
      int consumerTimeoutSeconds) {
    return new EventsQueue(
        scope, id, region, key, stem, WORKER_TIMEOUT_MULTIPLE * consumerTimeoutSeconds, true);
  }

  /**
   * The queue of {@code capability}'s {@code subscriber} ({@code
   * stride-<capability>-<stem>-<regionId>}), kept like a work queue ({@link #forWork}) for the
   * subscriber's timeout, its dead letters raising {@code <name>-dlq-not-empty}: the events it
   * takes arrive through its events queue's fan-out topic ({@link EventsFanOut#subscribe}).
   */
  public static EventsQueue forSubscriber(
      Construct scope,
      String id,
      RegionConfig region,
      RegionKey key,
      String capability,
      Capability.Subscriber subscriber) {
    return forWork(
        scope,
        id,
        region,
        key,
        subscriberStem(capability, subscriber),
        subscriber.timeoutSeconds());
  }

  /** {@code <capability>-<stem>}: the stem of a subscriber's queue, e.g. {@code devices-eraser}. */
  public static String subscriberStem(String capability, Capability.Subscriber subscriber) {
    return capability + "-" + subscriber.stem();
  }

  private EventsQueue(
      Construct scope,
      String id,
      RegionConfig region,
      RegionKey key,
      String events,
      int visibilityTimeoutSeconds,
      boolean work) {
    super(scope, id);
    String name = region.eventsName(events);
    deadLetters =
        SqsQueue.Builder.create(this, "dead_letters")
            .name(name + "-dlq")
            .kmsMasterKeyId(key.arn())
            .messageRetentionSeconds(FOURTEEN_DAYS)
            .build();
    SqsQueue.Builder queueBuilder =
        SqsQueue.Builder.create(this, "queue")
            .name(name)
            .kmsMasterKeyId(key.arn())
            .visibilityTimeoutSeconds(visibilityTimeoutSeconds)
            .redrivePolicy(redrivePolicy(deadLetters.getArn()));
    if (work) {
      // A work queue may wait days for its worker (none yet, or one failing): keep what SQS can.
      queueBuilder.messageRetentionSeconds(FOURTEEN_DAYS);
    }
    queue = queueBuilder.build();
    this.name = name;
    if (work) {
      alarmOnDeadLetters();
    }
  }

  /**
   * Makes this events queue a source that consumers drain ({@link EventsFanOut}): it keeps messages
   * {@value Capability.WorkQueue#RETENTION_DAYS} days, as a work queue does (a stopped consumer
   * must not let an account deletion expire), and any message in its dead-letter queue (one the
   * consumer failed {@value #MAX_RECEIVE_COUNT} times) raises {@code <name>-dlq-not-empty}.
   */
  public void drainedByConsumers() {
    queue.setMessageRetentionSeconds(FOURTEEN_DAYS);
    alarmOnDeadLetters();
  }

  private void alarmOnDeadLetters() {
    CloudwatchMetricAlarm.Builder.create(this, "dead_letters_alarm")
        .alarmName(name + "-dlq-not-empty")
        .alarmDescription("Messages of " + name + " failed " + MAX_RECEIVE_COUNT + " times")
        .namespace("AWS/SQS")
        .metricName("ApproximateNumberOfMessagesVisible")
        .dimensions(Map.of("QueueName", name + "-dlq"))
        .statistic("Maximum")
        .period(300)
        .evaluationPeriods(1)
        .threshold(0)
        .comparisonOperator("GreaterThanThreshold")
        .treatMissingData("notBreaching")
        .build();
  }

  private static String redrivePolicy(String deadLetterArn) {
    Map<String, Object> policy = new LinkedHashMap<>();
    policy.put("deadLetterTargetArn", deadLetterArn);
    policy.put("maxReceiveCount", MAX_RECEIVE_COUNT);
    return JsonMapper.shared().writeValueAsString(policy);
  }

  /** The queue's URL, handed to the function. */
  public String url() {
    return queue.getUrl();
  }

  /** The queue's ARN. */
  public String arn() {
    return queue.getArn();
  }

  /** The dead-letter queue's ARN. */
  public String deadLetterArn() {
    return deadLetters.getArn();
  }
}
