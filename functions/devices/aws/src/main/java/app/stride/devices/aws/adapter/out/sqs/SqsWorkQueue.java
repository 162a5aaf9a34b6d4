package app.stride.devices.aws.adapter.out.sqs;

import app.stride.aws.client.AwsClientDefaults;
import app.stride.core.store.StoreUnavailableException;
import app.stride.devices.application.port.out.WorkQueue;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * The devices work queue on SQS: the body is the JSON as given; the message attributes {@value
 * #KIND_ATTRIBUTE} and {@value #DEDUPLICATION_KEY_ATTRIBUTE} let the worker route and deduplicate
 * without parsing it. On a FIFO queue the deduplication key's SHA-256 is also the message
 * deduplication id (SQS drops a repeat within 5 minutes) and the key is the message group, so
 * unrelated work is not serialised. Any failure to send is a {@link StoreUnavailableException}: the
 * webhook then answers 503 and the provider retries.
 */
public final class SqsWorkQueue implements WorkQueue {
  /** The message attribute holding the kind, e.g. {@code webhook.polar}. */
  public static final String KIND_ATTRIBUTE = "kind";

  /** The message attribute holding the deduplication key. */
  public static final String DEDUPLICATION_KEY_ATTRIBUTE = "deduplication-key";

  /** The largest body sent (the port's bound; SQS takes 256 KiB with the attributes). */
  public static final int MAX_BODY_BYTES = 200 * 1024;

  /**
   * How long a send, retries included, may take: a webhook must be answered within 2 s, so a slow
   * queue makes it answer 503 in time instead of missing the provider's deadline.
   */
  public static final Duration SEND_TIMEOUT = Duration.ofMillis(1500);

  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9.-]{0,63}");
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,256}");

  private final SqsClient sqs;
  private final String queueUrl;
  private final boolean fifo;

  public SqsWorkQueue(SqsClient sqs, String queueUrl) {
    this.sqs = Objects.requireNonNull(sqs, "sqs");
    this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
    this.fifo = queueUrl.endsWith(".fifo");
  }

  /** A client for the settings, each send bounded by {@link #SEND_TIMEOUT}. */
  public static SqsClient client(WorkQueueSettings settings) {
    return AwsClientDefaults.apply(SqsClient.builder(), settings.awsRegion(), settings.endpoint())
        .overrideConfiguration(c -> c.apiCallTimeout(SEND_TIMEOUT))
        .build();
  }

  @Override
  public void send(String kind, String deduplicationKey, byte[] body) {
    if (kind == null || !KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException("kind must match " + KIND.pattern());
    }
    if (deduplicationKey == null || !KEY.matcher(deduplicationKey).matches()) {
      throw new IllegalArgumentException("deduplication key must be 1..256 visible ASCII chars");
    }
    Objects.requireNonNull(body, "body");
    if (body.length == 0 || body.length > MAX_BODY_BYTES) {
      throw new IllegalArgumentException("body must be 1.." + MAX_BODY_BYTES + " bytes");
    }
    SendMessageRequest.Builder request =
        SendMessageRequest.builder()
            .queueUrl(queueUrl)
            .messageBody(utf8(body))
            .messageAttributes(
                Map.of(
                    KIND_ATTRIBUTE, text(kind),
                    DEDUPLICATION_KEY_ATTRIBUTE, text(deduplicationKey)));
    if (fifo) {
      request
          .messageGroupId(sha256(deduplicationKey))
          .messageDeduplicationId(sha256(kind + "\n" + deduplicationKey));
    }
    try {
      sqs.sendMessage(request.build());
    } catch (SdkException e) {
      throw new StoreUnavailableException("work queue", e);
    }
  }

  private static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("body must be UTF-8", e);
    }
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
