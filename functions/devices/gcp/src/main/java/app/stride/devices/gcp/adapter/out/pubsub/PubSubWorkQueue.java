package app.stride.devices.gcp.adapter.out.pubsub;

import app.stride.core.store.StoreUnavailableException;
import app.stride.devices.application.port.out.WorkQueue;
import app.stride.gcp.pubsub.PubSubConfig;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The devices work queue on the region's Pub/Sub topic: the body as message data, and the
 * attributes {@value #KIND_ATTRIBUTE} and {@value #DEDUPLICATION_KEY_ATTRIBUTE} so the worker
 * routes and deduplicates without parsing it (Pub/Sub delivers at least once; the worker is
 * idempotent on the key). No ordering key, so unrelated work is not serialised. The publisher is
 * built on first use and kept; locally it talks to the emulator over a plaintext channel with no
 * credentials. Any failure to publish within {@link #SEND_TIMEOUT} is a {@link
 * StoreUnavailableException}: the webhook then answers 503 and the provider retries.
 */
public final class PubSubWorkQueue implements WorkQueue, AutoCloseable {
  /** The attribute holding the kind, e.g. {@code webhook.polar}. */
  public static final String KIND_ATTRIBUTE = "kind";

  /** The attribute holding the deduplication key. */
  public static final String DEDUPLICATION_KEY_ATTRIBUTE = "deduplication-key";

  /** The largest body sent (the port's bound). */
  public static final int MAX_BODY_BYTES = 200 * 1024;

  /** How long a publish, retries included, may take: a webhook must be answered within 2 s. */
  public static final Duration SEND_TIMEOUT = Duration.ofMillis(1500);

  /** How long {@link #close()} waits for pending publishes. */
  public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9.-]{0,63}");
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,256}");
  private static final String WHAT = "work queue";

  /**
   * The publisher's own retries: its total may not be under 10 s (the client refuses less), so
   * {@link #send} stops waiting after {@link #SEND_TIMEOUT} while a late retry may still deliver
   * the message; the sender then retries too, and the worker's deduplication absorbs the repeat.
   */
  private static final RetrySettings RETRIES =
      RetrySettings.newBuilder()
          .setInitialRetryDelayDuration(Duration.ofMillis(50))
          .setRetryDelayMultiplier(2)
          .setMaxRetryDelayDuration(Duration.ofMillis(400))
          .setInitialRpcTimeoutDuration(Duration.ofSeconds(1))
          .setRpcTimeoutMultiplier(1)
          .setMaxRpcTimeoutDuration(Duration.ofSeconds(1))
          .setTotalTimeoutDuration(Duration.ofSeconds(10))
          .build();

  private final PubSubConfig config;
  private Publisher publisher;
  private ManagedChannel emulatorChannel;

  public PubSubWorkQueue(PubSubConfig config) {
    this.config = Objects.requireNonNull(config, "config");
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
    PubsubMessage message =
        PubsubMessage.newBuilder()
            .setData(ByteString.copyFrom(body))
            .putAttributes(KIND_ATTRIBUTE, kind)
            .putAttributes(DEDUPLICATION_KEY_ATTRIBUTE, deduplicationKey)
            .putAttributes("content-type", "application/json")
            .build();
    try {
      publisher().publish(message).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new StoreUnavailableException(WHAT, e.getCause() == null ? e : e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException(WHAT, e);
    }
  }

  private synchronized Publisher publisher() {
    if (publisher == null) {
      try {
        Publisher.Builder builder = Publisher.newBuilder(config.topic()).setRetrySettings(RETRIES);
        if (config.emulatorHost().isPresent()) {
          emulatorChannel =
              ManagedChannelBuilder.forTarget(config.emulatorHost().get()).usePlaintext().build();
          builder
              .setChannelProvider(
                  FixedTransportChannelProvider.create(
                      GrpcTransportChannel.create(emulatorChannel)))
              .setCredentialsProvider(NoCredentialsProvider.create());
        }
        publisher = builder.build();
      } catch (IOException e) {
        throw new StoreUnavailableException(WHAT, e);
      }
    }
    return publisher;
  }

  /**
   * Sends what is pending and releases the publisher and its channel, waiting at most {@link
   * #CLOSE_TIMEOUT} (shutdown runs on its own daemon thread, as in the shared event publisher).
   */
  @Override
  public synchronized void close() {
    Publisher closing = publisher;
    publisher = null;
    try {
      if (closing != null) {
        Thread shutdown = new Thread(closing::shutdown, "pubsub-work-publisher-shutdown");
        shutdown.setDaemon(true);
        shutdown.start();
        shutdown.join(CLOSE_TIMEOUT.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (emulatorChannel != null) {
        emulatorChannel.shutdownNow();
        emulatorChannel = null;
      }
    }
  }
}
