package app.stride.aws.lambda;

import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Objects;
import java.util.function.Function;

/** The AWS-typed face of a capability's HTTP function: decode, call the neutral bean, encode. */
public final class ApiGatewayHttpFunction
    implements Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final Function<ApiRequest, ApiResponse> function;

  public ApiGatewayHttpFunction(Function<ApiRequest, ApiResponse> function) {
    this.function = Objects.requireNonNull(function, "function");
  }

  @Override
  public APIGatewayV2HTTPResponse apply(APIGatewayV2HTTPEvent event) {
    return HttpEvents.toResponse(function.apply(HttpEvents.toApiRequest(event)));
  }
}
