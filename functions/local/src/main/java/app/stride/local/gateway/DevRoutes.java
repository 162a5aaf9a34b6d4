package app.stride.local.gateway;

import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.openapi.RequestValidator;
import app.stride.core.openapi.ValidatedRequest;
import app.stride.core.problem.FieldError;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionCatalog;
import app.stride.core.region.RegionId;
import app.stride.local.LocalTokenIssuer;
import app.stride.local.mail.DevMail;
import app.stride.local.mail.LocalMailbox;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * The local-only routes of {@code local-dev.yaml}: minting development tokens ({@code POST
 * /dev/tokens}) and reading the local mail server's inbox ({@code GET /dev/mail?to=}). They exist
 * only in the local platform's gateway.
 */
public final class DevRoutes {
  private final RequestValidator spec;
  private final LocalTokenIssuer issuer;
  private final RegionCatalog regions;
  private final LocalMailbox mailbox;
  private final Supplier<Map<String, Object>> health;

  public DevRoutes(
      RequestValidator spec,
      LocalTokenIssuer issuer,
      RegionCatalog regions,
      LocalMailbox mailbox,
      Supplier<Map<String, Object>> health) {
    this.spec = spec;
    this.issuer = issuer;
    this.regions = regions;
    this.mailbox = mailbox;
    this.health = new HealthCache(health, Clock.systemUTC());
  }

  Map<String, Object> health() {
    return health.get();
  }

  ApiResponse handle(ApiRequest request) {
    ValidatedRequest valid = spec.validate(request);
    return switch (valid.operation().operationId()) {
      case "createDevToken" -> token(valid);
      case "listDevMail" -> mail(valid, request);
      default ->
          throw new ProblemException(ProblemType.NOT_FOUND, "No route for " + request.path() + ".");
    };
  }

  private ApiResponse token(ValidatedRequest valid) {
    String userId = valid.body().path("userId").asString();
    String home = valid.body().path("homeRegion").asString();
    if (!home.matches("[a-z][a-z0-9-]{1,15}") || regions.find(RegionId.of(home)).isEmpty()) {
      throw ProblemException.invalid("/homeRegion", "is not a configured region");
    }
    Map<String, Object> token = new LinkedHashMap<>();
    token.put("accessToken", issuer.issue(userId, home));
    token.put("tokenType", "Bearer");
    token.put("expiresIn", LocalTokenIssuer.LIFETIME.toSeconds());
    return Gateway.json(200, token);
  }

  private ApiResponse mail(ValidatedRequest valid, ApiRequest request) {
    String to = request.query().get("to");
    if (to == null || to.isBlank()) {
      throw ProblemException.invalid("query:to", "The query parameter 'to' is required.");
    }
    List<FieldError> errors = spec.check(parameterSchema(valid, "to"), StringNode.valueOf(to));
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(
          errors.stream().map(e -> new FieldError("query:to", e.message())).toList());
    }
    List<Map<String, Object>> messages =
        mailbox.messagesTo(to).stream().map(DevRoutes::view).toList();
    return Gateway.json(200, Map.of("messages", messages));
  }

  /** The JSON pointer of the schema of a query parameter of the validated operation. */
  private String parameterSchema(ValidatedRequest valid, String name) {
    String method = valid.operation().method().toLowerCase(java.util.Locale.ROOT);
    String path = valid.operation().pathTemplate();
    JsonNode parameters =
        spec.spec().document().path("paths").path(path).path(method).path("parameters");
    for (int i = 0; i < parameters.size(); i++) {
      if (name.equals(parameters.get(i).path("name").asString())) {
        return "#/paths/"
            + path.replace("~", "~0").replace("/", "~1")
            + "/"
            + method
            + "/parameters/"
            + i
            + "/schema";
      }
    }
    throw new IllegalStateException("local-dev.yaml declares no parameter " + name);
  }

  private static Map<String, Object> view(DevMail mail) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("to", mail.to());
    message.put("subject", mail.subject());
    message.put("text", mail.text());
    message.put("links", mail.links());
    message.put("receivedAt", mail.receivedAt().toString());
    return message;
  }
}
