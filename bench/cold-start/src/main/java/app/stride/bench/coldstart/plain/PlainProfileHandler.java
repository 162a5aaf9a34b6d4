package app.stride.bench.coldstart.plain;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code GET /v1/me/profile} as a plain Lambda handler: verify the bearer token, read the caller's
 * profile item, answer it as JSON. The no-argument constructor (what the Lambda runtime calls)
 * reads the same environment variables as the profiles function.
 */
public final class PlainProfileHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final String JSON = "application/json";
  private static final String PROBLEM = "application/problem+json";

  private final BearerTokens tokens;
  private final ProfileRows rows;

  /** Wires from the process environment, once per execution environment. */
  public PlainProfileHandler() {
    this(System.getenv());
  }

  PlainProfileHandler(Map<String, String> env) {
    this(BearerTokens.fromEnv(env), ProfileRows.fromEnv(env));
  }

  PlainProfileHandler(BearerTokens tokens, ProfileRows rows) {
    this.tokens = tokens;
    this.rows = rows;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    Optional<BearerTokens.Caller> caller = tokens.verify(authorization(event));
    if (caller.isEmpty()) {
      return answer(401, PROBLEM, "{\"type\":\"unauthorized\",\"status\":401}");
    }
    if (!rows.region().equals(caller.get().homeRegion())) {
      return answer(421, PROBLEM, "{\"type\":\"wrong-region\",\"status\":421}");
    }
    return rows.read(caller.get().userId())
        .map(profile -> answer(200, headers(profile), profile.json()))
        .orElseGet(() -> answer(404, PROBLEM, "{\"type\":\"not-found\",\"status\":404}"));
  }

  private static String authorization(APIGatewayV2HTTPEvent event) {
    if (event.getHeaders() == null) {
      return null;
    }
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(event.getHeaders());
    return headers.get("Authorization");
  }

  private static Map<String, String> headers(ProfileRows.ProfileJson profile) {
    return Map.of(
        "Content-Type",
        JSON,
        "ETag",
        "\"" + profile.version() + "\"",
        "Cache-Control",
        "private, no-store");
  }

  private static APIGatewayV2HTTPResponse answer(int status, String type, String body) {
    return answer(status, Map.of("Content-Type", type), body);
  }

  private static APIGatewayV2HTTPResponse answer(
      int status, Map<String, String> headers, String body) {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(headers)
        .withBody(body)
        .withIsBase64Encoded(false)
        .build();
  }
}
