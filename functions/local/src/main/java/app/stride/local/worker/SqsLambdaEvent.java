package app.stride.local.worker;

import app.stride.core.json.Json;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What Lambda's SQS event source hands a function for a batch, and how it reads the answer. The
 * event has one record per message with the fields SQS returned: {@code messageId}, {@code
 * receiptHandle}, {@code body}, the system {@code attributes} as received ({@code
 * ApproximateReceiveCount}, {@code SentTimestamp}, on a FIFO queue {@code MessageDeduplicationId}
 * and {@code MessageGroupId}, ...), the {@code messageAttributes} in Lambda's shape, the MD5s, and
 * the queue's ARN and region.
 */
public final class SqsLambdaEvent {
  private SqsLambdaEvent() {}

  /** The SQS event of {@code batch}, received from the queue {@code queueArn} in {@code region}. */
  public static byte[] of(List<Message> batch, String queueArn, String region) {
    ObjectNode event = Json.mapper().createObjectNode();
    ArrayNode records = event.putArray("Records");
    for (Message message : batch) {
      ObjectNode record = records.addObject();
      record.put("messageId", message.messageId());
      record.put("receiptHandle", message.receiptHandle());
      record.put("body", message.body());
      ObjectNode attributes = record.putObject("attributes");
      new TreeMap<>(message.attributesAsStrings()).forEach(attributes::put);
      ObjectNode messageAttributes = record.putObject("messageAttributes");
      new TreeMap<>(message.messageAttributes())
          .forEach((name, value) -> attribute(messageAttributes.putObject(name), value));
      record.put("md5OfBody", message.md5OfBody());
      if (message.md5OfMessageAttributes() != null) {
        record.put("md5OfMessageAttributes", message.md5OfMessageAttributes());
      }
      record.put("eventSource", "aws:sqs");
      record.put("eventSourceARN", queueArn);
      record.put("awsRegion", region);
    }
    return Json.toBytes(event);
  }

  /**
   * The ids of {@code batch} to leave on the queue, read from the function's answer as Lambda reads
   * a partial batch response ({@code ReportBatchItemFailures}): none when the answer is empty or
   * names no failures; every id when it is not a JSON object, or an item has no {@code
   * itemIdentifier} or names a message outside the batch (Lambda then fails the whole batch).
   */
  public static Set<String> failedIds(byte[] answer, Set<String> batch) {
    if (answer.length == 0) {
      return Set.of();
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(answer);
    } catch (JacksonException notJson) {
      return batch;
    }
    if (root.isNull()) {
      return Set.of();
    }
    JsonNode failures = root.path("batchItemFailures");
    if (root.isObject() && (failures.isMissingNode() || failures.isNull())) {
      return Set.of();
    }
    if (!failures.isArray()) {
      return batch;
    }
    Set<String> failed = new HashSet<>();
    for (JsonNode failure : failures) {
      JsonNode id = failure.path("itemIdentifier");
      if (!id.isString() || !batch.contains(id.asString())) {
        return batch;
      }
      failed.add(id.asString());
    }
    return Set.copyOf(failed);
  }

  private static void attribute(ObjectNode node, MessageAttributeValue value) {
    if (value.stringValue() != null) {
      node.put("stringValue", value.stringValue());
    }
    if (value.binaryValue() != null) {
      node.put("binaryValue", base64(value.binaryValue()));
    }
    ArrayNode strings = node.putArray("stringListValues");
    value.stringListValues().forEach(strings::add);
    ArrayNode binaries = node.putArray("binaryListValues");
    value.binaryListValues().forEach(b -> binaries.add(base64(b)));
    node.put("dataType", value.dataType());
  }

  private static String base64(SdkBytes bytes) {
    return Base64.getEncoder().encodeToString(bytes.asByteArray());
  }
}
