package app.stride.gcp.pubsub;

import app.stride.core.event.EventPublisher;
import app.stride.core.event.OutboundEvent;
import app.stride.core.store.StoreUnavailableException;
import app.stride.edge.observability.EventTracing;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes events to the region's Pub/Sub topic: the structured-mode CloudEvent as data, {@code
 * ce-id} and {@code ce-type} as attributes (subscribers filter and deduplicate without parsing),
 * and the subject as ordering key so one entity's events arrive in order. The publisher is built on
 * first use and kept; {@link #close()} flushes and releases it.
 *
 * <p>The W3C trace of the publishing call goes along ({@link EventTracing}): the event gains the
 * current {@code traceparent} (and {@code tracestate}) extension attributes unless it already has
 * one, and the same values travel as the {@code ce-traceparent} / {@code ce-tracestate} attributes,
 * so a consumer continues the trace.
 */
public final class PubSubEventPublisher implements EventPublisher, AutoCloseable {
  /**
   * How long a publish, retries included, may take before the transport counts as unavailable. The
   * client's own default (10 minutes) would hold the function and block {@link #close()}.
   */
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static final RetrySettings RETRIES =
      RetrySettings.newBuilder()
          .setInitialRetryDelayDuration(Duration.ofMillis(100))
          .setRetryDelayMultiplier(2)
          .setMaxRetryDelayDuration(Duration.ofSeconds(2))
          .setInitialRpcTimeoutDuration(Duration.ofSeconds(5))
          .setRpcTimeoutMultiplier(1)
          .setMaxRpcTimeoutDuration(Duration.ofSeconds(5))
          .setTotalTimeoutDuration(TIMEOUT)
          .build();

  private static final String WHAT = "event transport";

  private final PubSubConfig config;
  private Publisher publisher;
  private ManagedChannel emulatorChannel;

  public PubSubEventPublisher(PubSubConfig config) {
    this.config = config;
  }

  @Override
  public void publish(OutboundEvent event) {
    OutboundEvent traced = EventTracing.withCurrentTrace(event);
    PubsubMessage message =
        PubsubMessage.newBuilder()
            .setData(ByteString.copyFrom(traced.json()))
            .putAttributes("ce-id", traced.id())
            .putAttributes("ce-type", traced.type())
            .putAttributes("content-type", "application/cloudevents+json")
            .putAllAttributes(EventTracing.attributes(traced))
            .setOrderingKey(traced.subject())
            .build();
    Publisher target = publisher();
    try {
      target.publish(message).get(TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      target.resumePublish(event.subject());
      throw new StoreUnavailableException(WHAT, e.getCause() == null ? e : e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      target.resumePublish(event.subject());
      throw new StoreUnavailableException(WHAT, e);
    }
  }

  private synchronized Publisher publisher() {
    if (publisher == null) {
      try {
        Publisher.Builder builder =
            Publisher.newBuilder(config.topic())
                .setEnableMessageOrdering(true)
                .setRetrySettings(RETRIES);
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
   * #TIMEOUT}. {@code Publisher.shutdown()} can wait forever after a failed ordered publish (its
   * pending count is not always returned: googleapis/google-cloud-java#14001), so it runs on its
   * own daemon thread.
   */
  @Override
  public synchronized void close() {
    Publisher closing = publisher;
    publisher = null;
    try {
      if (closing != null) {
        Thread shutdown = new Thread(closing::shutdown, "pubsub-publisher-shutdown");
        shutdown.setDaemon(true);
        shutdown.start();
        shutdown.join(TIMEOUT.toMillis());
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
