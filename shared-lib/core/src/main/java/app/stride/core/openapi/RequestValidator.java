package app.stride.core.openapi;

import app.stride.core.http.ApiRequest;
import app.stride.core.json.Json;
import app.stride.core.problem.FieldError;
import app.stride.core.problem.Problem;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Checks a request against the spec before any capability logic runs: known route (404), allowed
 * method (405 with {@code Allow}), body size (413), content type (415), well-formed JSON (400
 * {@code malformed-json}) and the body's schema (400 {@code validation-failed}, each error located
 * by a JSON pointer). A request that fails changes nothing, because nothing has run yet. A body of
 * a media type that is not JSON (an activity file) is passed on as bytes after the size and type
 * checks: its parser owns the rest.
 *
 * <p>The JSON Schema registry is built on the first {@link #check}, not here: requests without a
 * body (GET, DELETE) never pay for it on a cold start. It is built once, safely across threads.
 */
public final class RequestValidator {
  private final OpenApiSpec spec;
  private final String base;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
  private volatile SchemaRegistry registry;

  public RequestValidator(OpenApiSpec spec) {
    this.spec = spec;
    this.base = "https://stride.app/openapi/" + spec.id() + ".json";
  }

  /** The spec this validator checks against. */
  public OpenApiSpec spec() {
    return spec;
  }

  /**
   * Validates {@code request} and returns its operation and parsed JSON body (null when it has
   * none).
   *
   * @throws ProblemException describing the first failed check
   */
  public ValidatedRequest validate(ApiRequest request) {
    return validate(request, route(request.method(), request.path()));
  }

  /**
   * Validates {@code request} against an operation the caller already routed it to (routing is the
   * costlier half of a small request's checks; do it once).
   *
   * @param operation {@link #route}{@code (request.method(), request.path())}
   * @throws ProblemException describing the first failed check
   */
  public ValidatedRequest validate(ApiRequest request, Operation operation) {
    if (request.body().length > operation.maxBodyBytes()) {
      throw new ProblemException(
          ProblemType.PAYLOAD_TOO_LARGE,
          "The request body is "
              + request.body().length
              + " bytes; the limit is "
              + operation.maxBodyBytes()
              + ".");
    }
    if (operation.mediaTypes().isEmpty()) {
      return new ValidatedRequest(operation, null);
    }
    if (request.body().length == 0) {
      if (operation.bodyRequired()) {
        throw ProblemException.invalid("", "A request body is required.");
      }
      return new ValidatedRequest(operation, null);
    }
    String mediaType = request.mediaType();
    String pointer = operation.bodySchemas().get(mediaType);
    if (pointer == null) {
      throw new ProblemException(
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "Content-Type must be one of " + new TreeSet<>(operation.mediaTypes()) + ".");
    }
    if (!isJson(mediaType)) {
      // A file route (FIT, GPX, zip, ...): the body is the file; its parser owns the checks.
      return new ValidatedRequest(operation, null);
    }
    JsonNode body = parse(request.body());
    List<FieldError> errors = check(pointer, body);
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return new ValidatedRequest(operation, body);
  }

  /**
   * The operation for a method and path.
   *
   * @throws ProblemException {@code not-found} for an unknown path, {@code method-not-allowed}
   *     (with an {@code Allow} header) for a known path and another method
   */
  public Operation route(String method, String path) {
    List<Operation> atPath = spec.operationsAt(path);
    if (atPath.isEmpty()) {
      throw new ProblemException(ProblemType.NOT_FOUND, "No route for " + path + ".");
    }
    return atPath.stream()
        .filter(op -> op.method().equalsIgnoreCase(method))
        .findFirst()
        .orElseThrow(
            () -> {
              String allow =
                  String.join(
                      ", ", atPath.stream().map(Operation::method).sorted().distinct().toList());
              return new ProblemException(
                  Problem.of(
                      ProblemType.METHOD_NOT_ALLOWED,
                      method + " is not allowed on " + path + "; allowed: " + allow + "."),
                  Map.of("Allow", allow),
                  null);
            });
  }

  /** Validates a JSON value against the schema at {@code pointer} in the spec; empty when valid. */
  public List<FieldError> check(String pointer, JsonNode value) {
    Schema schema =
        schemas.computeIfAbsent(pointer, p -> registry().getSchema(SchemaLocation.of(base + p)));
    List<FieldError> errors = new ArrayList<>();
    for (Error error : schema.validate(value)) {
      errors.add(new FieldError(error.getInstanceLocation().toString(), error.getMessage()));
    }
    return errors;
  }

  /** Whether the schema registry has been built yet (tests). */
  boolean schemaRegistryBuilt() {
    return registry != null;
  }

  private SchemaRegistry registry() {
    SchemaRegistry built = registry;
    if (built == null) {
      synchronized (this) {
        built = registry;
        if (built == null) {
          built = newRegistry();
          registry = built;
        }
      }
    }
    return built;
  }

  private SchemaRegistry newRegistry() {
    String json = spec.documentJson();
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_POINTER)
            .build();
    return SchemaRegistry.withDefaultDialect(
        SpecificationVersion.DRAFT_2020_12,
        builder -> builder.schemas(Map.of(base, json)).schemaRegistryConfig(config));
  }

  /** Whether a media type carries JSON ({@code application/json} or a {@code +json} type). */
  static boolean isJson(String mediaType) {
    return mediaType.equals("application/json") || mediaType.endsWith("+json");
  }

  private static JsonNode parse(byte[] body) {
    try {
      return Json.mapper().readTree(body);
    } catch (JacksonException e) {
      throw new ProblemException(
          ProblemType.MALFORMED_JSON,
          "The request body is not valid JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ").");
    }
  }
}
