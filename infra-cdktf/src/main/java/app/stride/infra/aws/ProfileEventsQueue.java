package app.stride.infra.aws;

import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.sqs_queue.SqsQueue;
import java.util.LinkedHashMap;
import java.util.Map;
import software.constructs.Construct;
import tools.jackson.databind.json.JsonMapper;

/** The region's profile-events queue and its dead-letter queue, both KMS-encrypted. */
public final class ProfileEventsQueue extends Construct {

  /** Receives after which a message moves to the dead-letter queue. */
  public static final int MAX_RECEIVE_COUNT = 5;

  private static final int FOURTEEN_DAYS = 14 * 24 * 3600;

  private final SqsQueue queue;

  /** Creates {@code stride-profile-events-<regionId>} and its {@code -dlq}. */
  public ProfileEventsQueue(Construct scope, String id, RegionConfig region, RegionKey key) {
    super(scope, id);
    SqsQueue deadLetters =
        SqsQueue.Builder.create(this, "dead_letters")
            .name(region.profileEventsDeadLetterName())
            .kmsMasterKeyId(key.arn())
            .messageRetentionSeconds(FOURTEEN_DAYS)
            .build();
    queue =
        SqsQueue.Builder.create(this, "queue")
            .name(region.profileEventsName())
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
