package app.stride.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.context.support.GenericApplicationContext;

class AwsFunctionsTest {

  @Test
  @SuppressWarnings("unchecked")
  void registerHttp_buildsOneNeutralInstanceOnFirstCallAndSharesItWithTheAwsTwin() {
    EchoApplication.ECHO_INSTANCES.set(0);
    try (GenericApplicationContext context = new GenericApplicationContext()) {
      new EchoApplication().initialize(context);
      context.refresh();

      var neutral =
          (Function<ApiRequest, ApiResponse>)
              context.getBean("echo", FunctionRegistration.class).getTarget();
      Object aws = context.getBean("echoHttp", FunctionRegistration.class).getTarget();
      assertThat(EchoApplication.ECHO_INSTANCES).hasValue(0);

      neutral.apply(new ApiRequest("GET", "/x", null, null, null, "127.0.0.1", "r1"));
      ((ApiGatewayHttpFunction) aws)
          .apply(Fixtures.event("apigw-v2-request.json", APIGatewayV2HTTPEvent.class));

      assertThat(EchoApplication.ECHO_INSTANCES).hasValue(1);
    }
  }

  @Test
  void registerQueueAndSchedule_nameTheTwinsWithTheirSuffix() {
    try (GenericApplicationContext context = new GenericApplicationContext()) {
      new EchoApplication().initialize(context);
      context.refresh();

      assertThat(
              context
                  .getBean("tally" + AwsFunctions.QUEUE_SUFFIX, FunctionRegistration.class)
                  .getTarget())
          .isInstanceOf(SqsBatchFunction.class);
      assertThat(
              context
                  .getBean("tick" + AwsFunctions.SCHEDULE_SUFFIX, FunctionRegistration.class)
                  .getTarget())
          .isInstanceOf(ScheduledEventConsumer.class);
    }
  }
}
