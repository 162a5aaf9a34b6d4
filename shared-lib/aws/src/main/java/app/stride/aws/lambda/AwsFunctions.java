package app.stride.aws.lambda;

import app.stride.core.function.Once;
import app.stride.core.function.StrideFunctions;
import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.trigger.BatchResult;
import app.stride.core.trigger.QueueMessage;
import app.stride.core.trigger.ScheduledTick;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.cloud.function.adapter.aws.AWSCompanionAutoConfiguration;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.converter.MessageConverter;

/**
 * Registers a capability's neutral beans together with their AWS-typed twins over the same
 * instance, by functional registration (no scanning). For a neutral bean {@code name}:
 *
 * <ul>
 *   <li>{@link #registerHttp}: {@code name} ({@code Function<ApiRequest, ApiResponse>}) and {@code
 *       nameHttp} ({@code Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>});
 *   <li>{@link #registerQueue}: {@code name} ({@code Function<List<QueueMessage>, BatchResult>})
 *       and {@code nameQueue} ({@code Function<SQSEvent, SQSBatchResponse>});
 *   <li>{@link #registerSchedule}: {@code name} ({@code Consumer<ScheduledTick>}) and {@code
 *       nameSchedule} ({@code Consumer<ScheduledEvent>}).
 * </ul>
 *
 * <p>Infra sets {@code SPRING_CLOUD_FUNCTION_DEFINITION} of each Lambda to the AWS-typed name. The
 * neutral instance is built once, on the first call through either name: the function catalog
 * instantiates every registration at start, and a Lambda that serves only the schedule should not
 * pay for building the HTTP function (spec parsing, token verifier) on its cold start.
 */
public final class AwsFunctions {
  /** Suffix of the API Gateway HTTP API v2 function. */
  public static final String HTTP_SUFFIX = "Http";

  /** Suffix of the SQS batch function. */
  public static final String QUEUE_SUFFIX = "Queue";

  /** Suffix of the EventBridge Scheduler function. */
  public static final String SCHEDULE_SUFFIX = "Schedule";

  private static final Type AWS_HTTP =
      functionType(APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class);
  private static final Type AWS_QUEUE = functionType(SQSEvent.class, SQSBatchResponse.class);
  private static final Type AWS_SCHEDULE =
      ResolvableType.forClassWithGenerics(Consumer.class, ScheduledEvent.class).getType();
  private static final Type NEUTRAL_QUEUE =
      ResolvableType.forClassWithGenerics(
              Function.class,
              ResolvableType.forClassWithGenerics(List.class, QueueMessage.class),
              ResolvableType.forClass(BatchResult.class))
          .getType();
  private static final Type NEUTRAL_SCHEDULE =
      ResolvableType.forClassWithGenerics(Consumer.class, ScheduledTick.class).getType();

  private static final String AWS_TYPES_CONVERTER = "strideAwsTypesMessageConverter";

  private AwsFunctions() {}

  /** Registers the HTTP function {@code name} and its API Gateway v2 twin {@code nameHttp}. */
  public static void registerHttp(
      GenericApplicationContext context,
      String name,
      Supplier<? extends Function<ApiRequest, ApiResponse>> function) {
    Supplier<? extends Function<ApiRequest, ApiResponse>> once = Once.of(function);
    Function<ApiRequest, ApiResponse> shared = request -> once.get().apply(request);
    registerAwsTypes(context);
    StrideFunctions.registerHttp(context, name, () -> shared);
    register(context, name + HTTP_SUFFIX, AWS_HTTP, () -> new ApiGatewayHttpFunction(shared));
  }

  /** Registers the queue consumer {@code name} and its SQS twin {@code nameQueue}. */
  public static void registerQueue(
      GenericApplicationContext context,
      String name,
      Supplier<? extends Function<List<QueueMessage>, BatchResult>> consumer) {
    Supplier<? extends Function<List<QueueMessage>, BatchResult>> once = Once.of(consumer);
    Function<List<QueueMessage>, BatchResult> shared = batch -> once.get().apply(batch);
    registerAwsTypes(context);
    register(context, name, NEUTRAL_QUEUE, () -> shared);
    register(context, name + QUEUE_SUFFIX, AWS_QUEUE, () -> new SqsBatchFunction(shared));
  }

  /**
   * Registers the scheduled job {@code name} and its EventBridge Scheduler twin {@code
   * nameSchedule}.
   */
  public static void registerSchedule(
      GenericApplicationContext context,
      String name,
      Supplier<? extends Consumer<ScheduledTick>> job) {
    Supplier<? extends Consumer<ScheduledTick>> once = Once.of(job);
    Consumer<ScheduledTick> shared = tick -> once.get().accept(tick);
    registerAwsTypes(context);
    register(context, name, NEUTRAL_SCHEDULE, () -> shared);
    register(
        context, name + SCHEDULE_SUFFIX, AWS_SCHEDULE, () -> new ScheduledEventConsumer(shared));
  }

  /**
   * Registers the adapter's converter for AWS event types (their JSON does not follow bean naming,
   * e.g. {@code Records}). The invoker lists it only for annotation-configured apps; a functional
   * app must register it as a bean, which the function catalog then picks up.
   */
  static void registerAwsTypes(GenericApplicationContext context) {
    if (!context.containsBeanDefinition(AWS_TYPES_CONVERTER)) {
      context.registerBean(
          AWS_TYPES_CONVERTER,
          MessageConverter.class,
          () -> new AWSCompanionAutoConfiguration().awsTypesMessageConverter(context));
    }
  }

  private static void register(
      GenericApplicationContext context, String name, Type type, Supplier<?> target) {
    context.registerBean(
        name,
        FunctionRegistration.class,
        () -> new FunctionRegistration<>(target.get(), name).type(type));
  }

  private static Type functionType(Class<?> in, Class<?> out) {
    return ResolvableType.forClassWithGenerics(Function.class, in, out).getType();
  }
}
