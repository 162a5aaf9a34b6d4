package app.stride.gcp.functions;

import com.google.cloud.functions.CloudEventsFunction;
import io.cloudevents.CloudEvent;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The Google Cloud Functions entry for a Pub/Sub-triggered function: a queue consumer, or a Cloud
 * Scheduler job that publishes to a topic. A subclass's no-arg constructor names the capability's
 * {@link ApplicationContextInitializer}, the function bean ({@code Consumer<QueueMessage>} or
 * {@code Consumer<ScheduledTick>}) and the trigger. A failure propagates, so the framework answers
 * 500 and Pub/Sub redelivers the message (and dead-letters it after the subscription's maximum
 * attempts).
 */
public abstract class StrideCloudEventsFunction implements CloudEventsFunction {
  /** What the Pub/Sub messages stand for. */
  public enum Trigger {
    /** Each message is a {@code QueueMessage}. */
    QUEUE,
    /** Each message is a schedule firing, a {@code ScheduledTick}. */
    SCHEDULE
  }

  private final Function<Object, Object> function;
  private final String functionName;
  private final Trigger trigger;

  @SuppressWarnings("unchecked")
  protected StrideCloudEventsFunction(
      Class<? extends ApplicationContextInitializer<GenericApplicationContext>> initializer,
      String functionName,
      Trigger trigger) {
    this.function = (Function<Object, Object>) FunctionContexts.lookup(initializer, functionName);
    this.functionName = functionName;
    this.trigger = Objects.requireNonNull(trigger, "trigger");
  }

  @Override
  public void accept(CloudEvent event) {
    Object input =
        trigger == Trigger.QUEUE
            ? PubSubPushes.toQueueMessage(event)
            : PubSubPushes.toTick(event, functionName);
    function.apply(input);
  }
}
