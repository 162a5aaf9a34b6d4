package app.stride.social.adapter.in.http;

import app.stride.core.function.ApiCall;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.social.domain.GroupId;
import app.stride.social.domain.MessageId;
import app.stride.social.domain.PublicCard;
import app.stride.social.domain.UserId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads what the spec validator does not: path parameters (by the operation's template) and query
 * parameters. A malformed id is answered as an unknown one ({@code 404}), a bad query parameter
 * {@code 400} naming it.
 */
final class Requests {
  /** The page size when the caller names none. */
  static final int DEFAULT_LIMIT = 20;

  private Requests() {}

  /** The path parameters of the call, by name. */
  static Map<String, String> pathParams(ApiCall call) {
    String[] template = call.operation().pathTemplate().split("/");
    String[] actual = call.request().path().split("/");
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < template.length && i < actual.length; i++) {
      if (template[i].startsWith("{") && template[i].endsWith("}")) {
        params.put(
            template[i].substring(1, template[i].length() - 1),
            java.net.URLDecoder.decode(actual[i], java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  static GroupId groupId(ApiCall call) {
    String value = pathParams(call).get("groupId");
    if (!GroupId.isValid(value)) {
      throw new ProblemException(ProblemType.NOT_FOUND, "There is no such group.");
    }
    return new GroupId(value);
  }

  static UserId userId(ApiCall call) {
    String value = pathParams(call).get("userId");
    if (!UserId.isValid(value)) {
      throw new ProblemException(ProblemType.NOT_FOUND, "That user is not in this group.");
    }
    return new UserId(value);
  }

  static MessageId messageId(ApiCall call) {
    String value = pathParams(call).get("messageId");
    if (!MessageId.isValid(value)) {
      throw new ProblemException(ProblemType.NOT_FOUND, "There is no such message.");
    }
    return new MessageId(value);
  }

  static String inviteToken(ApiCall call) {
    String value = pathParams(call).get("inviteToken");
    if (value == null || !value.matches("[a-z][a-z0-9-]{1,15}\\.[A-Za-z0-9_-]{16,100}")) {
      throw new ProblemException(
          ProblemType.NOT_FOUND, "This invite is unknown, expired or used up.");
    }
    return value;
  }

  /** The {@code region} path parameter, which must be the serving region ({@code 421}). */
  static void requireRegion(ApiCall call, RegionId serving) {
    String value = pathParams(call).get("region");
    if (value == null || !value.matches("[a-z][a-z0-9-]{1,15}")) {
      throw ProblemException.invalid("path:region", "is not a region id");
    }
    if (!value.equals(serving.value())) {
      throw new ProblemException(
          app.stride.core.problem.Problem.of(
                  ProblemType.WRONG_REGION, "Region " + value + " serves its own groups.")
              .with("homeRegion", value),
          Map.of(),
          null);
    }
  }

  static int limit(ApiCall call) {
    String value = call.request().query().get("limit");
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw ProblemException.invalid("query:limit", "must be an integer");
    }
  }

  static Optional<String> cursor(ApiCall call) {
    return Optional.ofNullable(call.request().query().get("cursor")).filter(c -> !c.isEmpty());
  }

  static String requiredQuery(ApiCall call, String name, int max) {
    String value = call.request().query().get(name);
    if (value == null || value.isBlank() || value.length() > max) {
      throw ProblemException.invalid(
          "query:" + name, "is required, at most " + max + " characters");
    }
    return value;
  }

  /** The {@code card} member of a schema-valid body. */
  static PublicCard card(JsonNode body) {
    JsonNode card = body.path("card");
    return new PublicCard(card.path("displayName").asString(), text(card, "avatarRef"));
  }

  /** A string member, or empty when absent or null. */
  static Optional<String> text(JsonNode node, String member) {
    JsonNode value = node.path(member);
    return value.isString() ? Optional.of(value.asString()) : Optional.empty();
  }
}
