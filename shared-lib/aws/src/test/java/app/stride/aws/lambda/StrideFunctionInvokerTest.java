package app.stride.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StrideFunctionInvokerTest {
  private static byte[] event(String body, boolean base64) {
    return ("{\"version\":\"2.0\",\"rawPath\":\"/v1/webhooks/fitbit/eu\",\"requestContext\":{"
            + "\"http\":{\"method\":\"POST\"}},\"body\":"
            + Json.mapper().writeValueAsString(body)
            + ",\"isBase64Encoded\":"
            + base64
            + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anArrayBody_isPassedOnBase64Encoded_withTheSameBytes() {
    String array = " [{\"ownerId\":\"228TQ4\"}]";

    JsonNode out =
        Json.mapper().readTree(StrideFunctionInvoker.protectArrayBody(event(array, false)));

    assertThat(out.path("isBase64Encoded").asBoolean()).isTrue();
    assertThat(
            new String(
                Base64.getDecoder().decode(out.path("body").asString()), StandardCharsets.UTF_8))
        .isEqualTo(array);
    assertThat(out.path("rawPath").asString()).isEqualTo("/v1/webhooks/fitbit/eu");
  }

  @Test
  void anArrayBodyAfterEscapedNewlines_isAlsoProtected() {
    String array = "\n\t[1,2]";

    JsonNode out =
        Json.mapper().readTree(StrideFunctionInvoker.protectArrayBody(event(array, false)));

    assertThat(out.path("isBase64Encoded").asBoolean()).isTrue();
    assertThat(Base64.getDecoder().decode(out.path("body").asString()))
        .isEqualTo(array.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void objectBodies_base64Bodies_andOtherEvents_areUntouched() {
    byte[] object = event("{\"a\":[1]}", false);
    byte[] encoded = event("WzFd", true);
    byte[] schedule = "{\"id\":\"tick\",\"detail\":{}}".getBytes(StandardCharsets.UTF_8);
    byte[] sqs = "{\"Records\":[{\"body\":\"[1]\"}]}".getBytes(StandardCharsets.UTF_8);

    assertThat(StrideFunctionInvoker.protectArrayBody(object)).isSameAs(object);
    assertThat(StrideFunctionInvoker.protectArrayBody(encoded)).isSameAs(encoded);
    assertThat(StrideFunctionInvoker.protectArrayBody(schedule)).isSameAs(schedule);
    assertThat(StrideFunctionInvoker.protectArrayBody(sqs)).isSameAs(sqs);
  }
}
