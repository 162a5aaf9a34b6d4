package app.stride.edge.ratelimit;

import app.stride.core.json.Json;
import app.stride.core.openapi.Operation;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The rate limits, read from {@value #RESOURCE} ({@code api-specs/openapi/rate-limits.yaml} in the
 * repository, shipped in the api-specs jar next to the OpenAPI documents) and checked against the
 * operations of the specs: route classes with their buckets, and the class of every operation.
 *
 * <p>An operation's class is its entry under {@code operations} in the file, else {@value #AUTH}
 * when its {@code x-stride-function} is {@code auth}, else {@value #READ} for GET and HEAD, else
 * {@value #WRITE}. A request that matched no operation is classed by its method alone.
 *
 * <p>Loading is strict and fails fast with an {@link IllegalArgumentException} naming the culprit:
 * unknown members, a missing or unknown class, an unknown operationId, bounds. Immutable.
 */
public final class RateLimitConfig {

  /** Classpath location of the limits (YAML). */
  public static final String RESOURCE = "api-specs/rate-limits.yaml";

  /**
   * Classpath location of a JSON twin of {@link #RESOURCE}, preferred by {@link #load} when present
   * so that a function reads its limits without a YAML parser.
   */
  public static final String RESOURCE_JSON = "api-specs/rate-limits.json";

  /** The class of authentication routes ({@code x-stride-function: auth}); the strictest. */
  public static final String AUTH = "auth";

  /** The default class of GET and HEAD operations. */
  public static final String READ = "read";

  /** The default class of operations with any other method. */
  public static final String WRITE = "write";

  /** Classes the file must define, because the defaults name them. */
  static final Set<String> REQUIRED_CLASSES = Set.of(AUTH, READ, WRITE);

  private final Map<String, RouteClass> classes;
  private final Map<String, String> operationClasses;

  RateLimitConfig(Map<String, RouteClass> classes, Map<String, String> operationClasses) {
    this.classes = Map.copyOf(classes);
    this.operationClasses = Map.copyOf(operationClasses);
  }

  /**
   * Reads {@link #RESOURCE_JSON} if the classpath has it, else {@link #RESOURCE}, and checks it
   * against {@code operations}.
   *
   * @param operations every operation the edge serves (of the mobile API, and locally of the
   *     local-dev document)
   */
  public static RateLimitConfig load(Collection<Operation> operations) {
    ClassLoader loader = RateLimitConfig.class.getClassLoader();
    try (InputStream json = loader.getResourceAsStream(RESOURCE_JSON)) {
      if (json != null) {
        return readJson(json, operations);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (InputStream yaml = loader.getResourceAsStream(RESOURCE)) {
      if (yaml == null) {
        throw new UncheckedIOException(
            new FileNotFoundException("classpath resource not found: " + RESOURCE));
      }
      return readYaml(yaml, operations);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the limits from YAML (or JSON) and checks them against {@code operations}. */
  public static RateLimitConfig readYaml(InputStream yaml, Collection<Operation> operations) {
    JsonNode tree;
    try {
      tree = YamlTrees.read(yaml);
    } catch (JacksonException e) {
      throw unreadable(e);
    }
    return RateLimitConfigParser.parse(tree, operations);
  }

  /** Reads the limits from JSON with the shared mapper (no YAML class loaded). */
  public static RateLimitConfig readJson(InputStream json, Collection<Operation> operations) {
    JsonNode tree;
    try {
      tree = Json.mapper().readTree(json);
    } catch (JacksonException e) {
      throw unreadable(e);
    }
    return RateLimitConfigParser.parse(tree, operations);
  }

  private static IllegalArgumentException unreadable(JacksonException e) {
    return new IllegalArgumentException(
        "rate-limits.yaml: cannot be parsed: " + e.getOriginalMessage(), e);
  }

  /** Every route class by name. */
  public Map<String, RouteClass> classes() {
    return classes;
  }

  /** The class name of every known operation, by operationId. */
  public Map<String, String> operationClasses() {
    return operationClasses;
  }

  /**
   * The class of a request.
   *
   * @param operationId the matched operation, or null when the request matched none
   * @param method the HTTP method, used when the operation is unknown
   */
  public RouteClass classFor(String operationId, String method) {
    String name = operationId == null ? null : operationClasses.get(operationId);
    if (name == null) {
      name = byMethod(Objects.requireNonNull(method, "method"));
    }
    return classes.get(name);
  }

  /** The default class of an operation. */
  static String defaultClass(Operation operation) {
    return AUTH.equals(operation.function()) ? AUTH : byMethod(operation.method());
  }

  private static String byMethod(String method) {
    String upper = method.toUpperCase(Locale.ROOT);
    return upper.equals("GET") || upper.equals("HEAD") ? READ : WRITE;
  }

  /** Resolves every operation's class: its override, else the default. */
  static Map<String, String> resolve(
      Collection<Operation> operations, Map<String, String> overrides) {
    Map<String, String> resolved = new LinkedHashMap<>();
    for (Operation operation : operations) {
      resolved.putIfAbsent(
          operation.operationId(),
          overrides.getOrDefault(operation.operationId(), defaultClass(operation)));
    }
    return resolved;
  }
}
