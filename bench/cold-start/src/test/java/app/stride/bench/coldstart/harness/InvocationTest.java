package app.stride.bench.coldstart.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvocationTest {
  private static final String EVENT =
      """
      {"version":"2.0","rawPath":"/v1/me/profile",
       "headers":{"authorization":"Bearer abc"},
       "requestContext":{"http":{"method":"GET","path":"/v1/me/profile"}}}
      """;

  @Test
  void streamHandler_getsTheRawEventBytes_andItsOutputIsTheResponse() throws IOException {
    byte[] response = Invocation.invoke(new Echo(), bytes(EVENT), new HarnessContext("echo"));

    assertThat(new String(response, StandardCharsets.UTF_8)).isEqualTo(EVENT);
  }

  @Test
  void pojoHandler_getsTheDecodedEvent_andItsResultIsEncodedAsJson() throws IOException {
    byte[] response =
        Invocation.invoke(new MethodAndHeader(), bytes(EVENT), new HarnessContext("pojo"));

    String json = new String(response, StandardCharsets.UTF_8);
    assertThat(json).contains("\"statusCode\":200").contains("GET Bearer abc");
  }

  @Test
  void inputType_isTheDeclaredEventClass() {
    assertThat(Invocation.inputType(MethodAndHeader.class)).isEqualTo(APIGatewayV2HTTPEvent.class);
  }

  @Test
  void objectThatIsNoHandler_isRefused() {
    assertThatThrownBy(() -> Invocation.invoke("not a handler", bytes(EVENT), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("neither a RequestHandler nor a RequestStreamHandler");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static final class Echo implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
        throws IOException {
      input.transferTo(output);
    }
  }

  static final class MethodAndHeader
      implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
      return APIGatewayV2HTTPResponse.builder()
          .withStatusCode(200)
          .withHeaders(Map.of("Content-Type", "text/plain"))
          .withBody(
              event.getRequestContext().getHttp().getMethod()
                  + " "
                  + event.getHeaders().get("authorization"))
          .build();
    }
  }
}
