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
    if (!arrayBodyMember(event)) {
      return event; // the common case: decided on the raw bytes, without parsing the event
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

  /** Whether a {@code "body"} member's string value starts with {@code [} (after blanks). */
  private static boolean arrayBodyMember(byte[] event) {
    outer:
    for (int i = 0; i <= event.length - BODY.length; i++) {
      for (int j = 0; j < BODY.length; j++) {
        if (event[i + j] != BODY[j]) {
          continue outer;
        }
      }
      int k = skipBlanks(event, i + BODY.length);
      if (k >= event.length || event[k] != ':') {
        continue;
      }
      k = skipBlanks(event, k + 1);
      if (k >= event.length || event[k] != '"') {
        continue;
      }
      k = skipBlanksInString(event, k + 1);
      if (k < event.length && event[k] == '[') {
        return true;
      }
    }
    return false;
  }

  /**
   * Inside a JSON string, blanks may also be written as the escapes {@code \n}, {@code \r}, {@code
   * \t}.
   */
  private static int skipBlanksInString(byte[] bytes, int from) {
    int k = skipBlanks(bytes, from);
    while (k + 1 < bytes.length
        && bytes[k] == '\\'
        && (bytes[k + 1] == 'n' || bytes[k + 1] == 'r' || bytes[k + 1] == 't')) {
      k = skipBlanks(bytes, k + 2);
    }
    return k;
  }

  private static int skipBlanks(byte[] bytes, int from) {
    int k = from;
    while (k < bytes.length
        && (bytes[k] == ' ' || bytes[k] == '\t' || bytes[k] == '\n' || bytes[k] == '\r')) {
      k++;
    }
    return k;
  }
}
