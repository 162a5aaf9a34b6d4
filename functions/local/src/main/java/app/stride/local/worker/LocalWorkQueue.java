package app.stride.local.worker;

import app.stride.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A capability's work queue on ElasticMQ with its dead-letter queue {@code <name>-dlq}, as infra's
 * {@code EventsQueue.forWork} declares them: a message received {@value #MAX_RECEIVE_COUNT} times
 * moves to the dead-letter queue on its next receive. The visibility timeout is {@value
 * #VISIBILITY_TIMEOUT_SECONDS} s here, not the cloud's six times the worker's timeout, so that a
 * message the worker failed is tried again within a minute while developing.
 *
 * @param url the queue's URL, given to the functions that send to it
 * @param arn the queue's ARN, named by the events of its event source
 * @param deadLetterUrl the dead-letter queue's URL
 */
public record LocalWorkQueue(String url, String arn, String deadLetterUrl) {
  /** Receives after which a message is dead-lettered (infra's {@code MAX_RECEIVE_COUNT}). */
  public static final int MAX_RECEIVE_COUNT = 5;

  /** How long a received message stays invisible before it can be received again. */
  public static final int VISIBILITY_TIMEOUT_SECONDS = 20;

  /** Creates (or finds) the queue {@code name} and its dead-letter queue. */
  public static LocalWorkQueue create(SqsClient sqs, String name) {
    return create(sqs, name, VISIBILITY_TIMEOUT_SECONDS);
  }

  /** As {@link #create(SqsClient, String)}, with another visibility timeout (tests). */
  static LocalWorkQueue create(SqsClient sqs, String name, int visibilityTimeoutSeconds) {
    String deadLetters = sqs.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
    String redrive =
        new String(
            Json.toBytes(
                Map.of(
                    "deadLetterTargetArn",
                    arn(sqs, deadLetters),
                    "maxReceiveCount",
                    Integer.toString(MAX_RECEIVE_COUNT))),
            StandardCharsets.UTF_8);
    String url =
        sqs.createQueue(
                b ->
                    b.queueName(name)
                        .attributes(
                            Map.of(
                                QueueAttributeName.VISIBILITY_TIMEOUT,
                                Integer.toString(visibilityTimeoutSeconds),
                                QueueAttributeName.REDRIVE_POLICY,
                                redrive)))
            .queueUrl();
    return new LocalWorkQueue(url, arn(sqs, url), deadLetters);
  }

  private static String arn(SqsClient sqs, String url) {
    return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes()
        .get(QueueAttributeName.QUEUE_ARN);
  }
}
