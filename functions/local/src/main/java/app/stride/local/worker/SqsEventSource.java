package app.stride.local.worker;

import app.stride.testkit.server.ElasticMqServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Lambda's SQS event source for one work queue, as infra's {@code QueueWorker} maps it: long-polls
 * the queue for up to {@value #BATCH_SIZE} messages, hands them to the worker's Lambda host as one
 * SQS event ({@link SqsLambdaEvent}), deletes every message the answer does not name in {@code
 * batchItemFailures} and leaves those to become visible again when the queue's visibility timeout
 * ends (the queue's redrive policy dead-letters one received too often). A failed invocation leaves
 * the whole batch. One batch at a time: a maximum concurrency of 1. Errors pause the loop, doubling
 * from one second to thirty. It logs message ids and counts, never a body.
 */
public final class SqsEventSource implements AutoCloseable {
  /** Messages per invocation (infra's {@code QueueWorker.BATCH_SIZE}). */
  public static final int BATCH_SIZE = 1;

  /** How long one receive waits for messages; also bounds how long stopping takes. */
  static final int WAIT_SECONDS = 5;

  private static final Logger log = LoggerFactory.getLogger(SqsEventSource.class);

  /**
   * Where batches go.
   *
   * @param queue the work queue
   * @param awsRegion the region the events name
   * @param invokeUri the worker's Lambda host ({@code POST} one event)
   * @param timeout the worker's timeout: an invocation taking longer counts as failed
   */
  public record Target(LocalWorkQueue queue, String awsRegion, URI invokeUri, Duration timeout) {
    public Target {
      Objects.requireNonNull(queue, "queue");
      Objects.requireNonNull(awsRegion, "awsRegion");
      Objects.requireNonNull(invokeUri, "invokeUri");
      Objects.requireNonNull(timeout, "timeout");
    }
  }

  private final String name;
  private final SqsClient sqs;
  private final Target target;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
  private final Thread thread;
  private volatile boolean running = true;

  private SqsEventSource(String name, SqsClient sqs, Target target) {
    this.name = name;
    this.sqs = sqs;
    this.target = target;
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
  }

  /** Starts polling {@code target}'s queue on {@code server}; {@code name} names the thread. */
  public static SqsEventSource start(String name, ElasticMqServer server, Target target) {
    SqsEventSource source = new SqsEventSource(name, LocalSqs.client(server), target);
    source.thread.start();
    log.info("{}: polling {} for its worker", name, target.queue().arn());
    return source;
  }

  private void run() {
    while (running) {
      try {
        List<Message> batch = receive();
        if (!batch.isEmpty() && !deliver(batch)) {
          pause();
          continue;
        }
        backoff.reset();
      } catch (RuntimeException e) {
        // SDK and queue errors alike: the loop must outlive them (messages stay on the queue).
        if (running) {
          log.warn("{}: queue call failed ({})", name, e.getClass().getSimpleName());
          pause();
        }
      }
    }
  }

  private List<Message> receive() {
    return sqs.receiveMessage(
            b ->
                b.queueUrl(target.queue().url())
                    .maxNumberOfMessages(BATCH_SIZE)
                    .waitTimeSeconds(WAIT_SECONDS)
                    .messageSystemAttributeNamesWithStrings("All")
                    .messageAttributeNames("All"))
        .messages();
  }

  /** Invokes the worker with {@code batch}; whether it answered (failures named or not). */
  private boolean deliver(List<Message> batch) {
    Set<String> ids = batch.stream().map(Message::messageId).collect(Collectors.toSet());
    byte[] event = SqsLambdaEvent.of(batch, target.queue().arn(), target.awsRegion());
    HttpResponse<byte[]> answer;
    try {
      answer =
          http.send(
              HttpRequest.newBuilder(target.invokeUri())
                  .timeout(target.timeout())
                  .POST(HttpRequest.BodyPublishers.ofByteArray(event))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      log.warn("{}: worker not reached ({}); {} left: {}", name, e, ids.size(), ids);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
    if (answer.statusCode() != 200) {
      log.warn("{}: worker failed ({}); {} left: {}", name, answer.statusCode(), ids.size(), ids);
      return false;
    }
    Set<String> failed = SqsLambdaEvent.failedIds(answer.body(), ids);
    List<Message> done = batch.stream().filter(m -> !failed.contains(m.messageId())).toList();
    delete(done);
    if (failed.isEmpty()) {
      log.info("{}: {} handled: {}", name, done.size(), ids);
    } else {
      log.info("{}: {} handled, {} left for a retry: {}", name, done.size(), failed.size(), failed);
    }
    return true;
  }

  private void delete(List<Message> done) {
    if (done.isEmpty()) {
      return;
    }
    List<DeleteMessageBatchRequestEntry> entries =
        done.stream()
            .map(
                m ->
                    DeleteMessageBatchRequestEntry.builder()
                        .id(m.messageId())
                        .receiptHandle(m.receiptHandle())
                        .build())
            .toList();
    DeleteMessageBatchResponse deleted =
        sqs.deleteMessageBatch(b -> b.queueUrl(target.queue().url()).entries(entries));
    if (deleted.hasFailed() && !deleted.failed().isEmpty()) {
      log.warn(
          "{}: could not delete {}; they come back and the worker sees them again",
          name,
          deleted.failed().stream().map(f -> f.id() + " (" + f.code() + ")").toList());
    }
  }

  private void pause() {
    try {
      Thread.sleep(backoff.next().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** Stops polling: at most one receive's wait; a batch in the worker is left to the queue. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(WAIT_SECONDS + 2).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sqs.close();
  }
}
