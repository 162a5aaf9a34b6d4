package app.stride.gcp.functions;

import app.stride.core.function.Once;
import app.stride.core.trigger.BatchResult;
import app.stride.core.trigger.QueueMessage;
import app.stride.core.trigger.ScheduledTick;
import java.lang.reflect.Type;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ResolvableType;

/**
 * Registers a capability's queue functions for Cloud Functions, beside {@code
 * StrideFunctions.registerHttp}: the neutral batch function {@code name} ({@code
 * Function<List<QueueMessage>, BatchResult>}, what tests and the AWS twin call) and its Pub/Sub
 * face {@code name}{@value #MESSAGE_SUFFIX} ({@code Consumer<QueueMessage>}: one pushed message, a
 * reported failure thrown so Pub/Sub redelivers it; {@link PubSubMessageConsumer}), the entry
 * point's definition. Both are one instance, the batch function's. A scheduled job is one function,
 * {@code Consumer<ScheduledTick>} ({@link #registerSchedule}).
 *
 * <p>Every function is built on its first call ({@link Once}), not when the context starts: each
 * Cloud Function of a capability's zip starts the same context, which instantiates every
 * registration, and an entry point (an eraser, a relay) is given only the variables of what it
 * serves, so building its siblings at start would fail it.
 */
public final class GcpFunctions {
  /** Suffix of the one-message Pub/Sub face of a queue function. */
  public static final String MESSAGE_SUFFIX = "Message";

  private static final Type BATCH =
      ResolvableType.forClassWithGenerics(
              Function.class,
              ResolvableType.forClassWithGenerics(List.class, QueueMessage.class),
              ResolvableType.forClass(BatchResult.class))
          .getType();
  private static final Type MESSAGE =
      ResolvableType.forClassWithGenerics(Consumer.class, QueueMessage.class).getType();

  private static final Type TICK =
      ResolvableType.forClassWithGenerics(Consumer.class, ScheduledTick.class).getType();

  private GcpFunctions() {}

  /**
   * Registers the scheduled job {@code name} ({@code Consumer<ScheduledTick>}, what a {@code
   * Trigger.SCHEDULE} entry point calls with each Cloud Scheduler tick) over the job {@code job}
   * supplies, built on the first tick.
   */
  public static void registerSchedule(
      GenericApplicationContext context,
      String name,
      Supplier<? extends Consumer<ScheduledTick>> job) {
    Supplier<? extends Consumer<ScheduledTick>> once = Once.of(job);
    Consumer<ScheduledTick> built = tick -> once.get().accept(tick);
    context.registerBean(
        name, FunctionRegistration.class, () -> new FunctionRegistration<>(built, name).type(TICK));
  }

  /**
   * Registers {@code name} and {@code name}{@value #MESSAGE_SUFFIX} over the function {@code batch}
   * supplies, built on the first message.
   */
  public static void registerQueue(
      GenericApplicationContext context,
      String name,
      Supplier<? extends Function<List<QueueMessage>, BatchResult>> batch) {
    Supplier<? extends Function<List<QueueMessage>, BatchResult>> once = Once.of(batch);
    Function<List<QueueMessage>, BatchResult> built = messages -> once.get().apply(messages);
    context.registerBean(
        name,
        FunctionRegistration.class,
        () -> new FunctionRegistration<>(built, name).type(BATCH));
    String message = name + MESSAGE_SUFFIX;
    context.registerBean(
        message,
        FunctionRegistration.class,
        () -> {
          @SuppressWarnings("unchecked")
          Function<List<QueueMessage>, BatchResult> shared =
              (Function<List<QueueMessage>, BatchResult>)
                  context.getBean(name, FunctionRegistration.class).getTarget();
          return new FunctionRegistration<>(new PubSubMessageConsumer(shared), message)
              .type(MESSAGE);
        });
  }
}
