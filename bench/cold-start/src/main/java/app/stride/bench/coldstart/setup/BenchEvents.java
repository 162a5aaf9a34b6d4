package app.stride.bench.coldstart.setup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API Gateway HTTP API v2 events of the bench, from the fixture files under {@code bench/},
 * with the caller's bearer token filled in.
 */
public final class BenchEvents {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private BenchEvents() {}

  /** {@code GET /v1/me/profile}: the request both sides serve in the measured runs. */
  public static String getMyProfile(String token) {
    return withToken("bench/get-my-profile.json", token).toString();
  }

  /** {@code PUT /v1/me/profile} creating the profile (If-None-Match: *): seeds the store once. */
  public static String putMyProfile(String token) {
    ObjectNode event = withToken("bench/put-my-profile.json", token);
    event.put("body", fixture("bench/profile.json").toString());
    event.put("isBase64Encoded", false);
    return event.toString();
  }

  /** The profile the seeding request creates. */
  public static JsonNode profile() {
    return fixture("bench/profile.json");
  }

  private static ObjectNode withToken(String name, String token) {
    ObjectNode event = (ObjectNode) fixture(name);
    ((ObjectNode) event.get("headers")).put("authorization", "Bearer " + token);
    return event;
  }

  private static JsonNode fixture(String name) {
    try (InputStream in = BenchEvents.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
