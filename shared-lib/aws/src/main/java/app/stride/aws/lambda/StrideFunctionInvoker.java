package app.stride.aws.lambda;

import app.stride.core.json.Json;
import com.amazonaws.services.lambda.runtime.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every Stride Lambda's handler: Spring Cloud Function's {@link FunctionInvoker}, with one
 * correction on the way in. When an API Gateway event's body is a JSON array (a Fitbit webhook is),
 * the adapter takes it for a batch and calls the function once per element, each converted into an
 * empty event (measured: the route is lost and the answer is 404). Such a body is passed on
 * base64-encoded instead, with {@code isBase64Encoded} set: the same bytes, which the HTTP function
 * decodes as it does every binary body, and which the adapter no longer splits.
 */
public class StrideFunctionInvoker extends FunctionInvoker {
  private static final byte[] BODY = "\"body\"".getBytes(StandardCharsets.UTF_8);

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    super.handleRequest(
        new ByteArrayInputStream(protectArrayBody(input.readAllBytes())), output, context);
  }

  /** {@code event} with a JSON-array body of an API Gateway event base64-encoded; else as is. */
  static byte[] protectArrayBody(byte[] event) {
    if (!contains(event, BODY)) {
      return event;
    }
    JsonNode node;
    try {
      node = Json.mapper().readTree(event);
    } catch (JacksonException notJson) {
      return event;
    }
    if (!node.isObject() || !node.has("requestContext")) {
      return event;
    }
    JsonNode body = node.get("body");
    if (body == null
        || !body.isString()
        || node.path("isBase64Encoded").asBoolean(false)
        || !body.asString().strip().startsWith("[")) {
      return event;
    }
    ObjectNode copy = (ObjectNode) node.deepCopy();
    copy.put(
        "body",
        Base64.getEncoder().encodeToString(body.asString().getBytes(StandardCharsets.UTF_8)));
    copy.put("isBase64Encoded", true);
    return Json.toBytes(copy);
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
