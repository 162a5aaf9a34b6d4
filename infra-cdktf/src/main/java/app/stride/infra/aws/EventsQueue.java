package app.stride.infra.aws;

import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.sqs_queue.SqsQueue;
import java.util.LinkedHashMap;
import java.util.Map;
import software.constructs.Construct;
import tools.jackson.databind.json.JsonMapper;

/**
 * An events queue of the region ({@code stride-<events>-<regionId>}, e.g. profile events, which the
 * auth functions send account deletions to as well) and its dead-letter queue, both KMS-encrypted.
 */
public final class EventsQueue extends Construct {

  /** Receives after which a message moves to the dead-letter queue. */
  public static final int MAX_RECEIVE_COUNT = 5;

  private static final int FOURTEEN_DAYS = 14 * 24 * 3600;

  private final SqsQueue queue;

  /** Creates {@code stride-<events>-<regionId>} and its {@code -dlq}. */
  public EventsQueue(
      Construct scope, String id, RegionConfig region, RegionKey key, String events) {
    super(scope, id);
    String name = region.eventsName(events);
    SqsQueue deadLetters =
        SqsQueue.Builder.create(this, "dead_letters")
            .name(name + "-dlq")
            .kmsMasterKeyId(key.arn())
            .messageRetentionSeconds(FOURTEEN_DAYS)
            .build();
    queue =
        SqsQueue.Builder.create(this, "queue")
            .name(name)
            .kmsMasterKeyId(key.arn())
            .visibilityTimeoutSeconds(60)
            .redrivePolicy(redrivePolicy(deadLetters.getArn()))
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
}
