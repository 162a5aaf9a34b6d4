package app.stride.local.gateway;

import app.stride.core.openapi.OpenApiSpec;
import app.stride.core.openapi.Operation;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the home region of a call without an access token comes from: an operation's {@code
 * x-stride-route} in {@code mobile-api.yaml} (see the table in its description).
 *
 * @param kind how the region is found
 * @param member the body member it is read from, or the path parameter for {@link Kind#PATH}
 *     ({@code null} for {@link Kind#SOCIAL} and {@link Kind#ALL_REGIONS})
 */
public record RouteHint(Kind kind, String member) {
  /** The extension naming the hint. */
  public static final String EXTENSION = "x-stride-route";

  /** The ways of finding a home region. */
  public enum Kind {
    /** {@code body:<member>}: the region id in that member. */
    BODY,
    /** {@code token:<member>}: the {@code <region>} prefix of the opaque token in that member. */
    TOKEN,
    /** {@code directory:email}: the global directory's entry of the body's email. */
    DIRECTORY,
    /** {@code social}: the directory's entry of the ID token's subject or email, else the body. */
    SOCIAL,
    /** {@code all-regions}: every region answers and the answers are merged. */
    ALL_REGIONS,
    /**
     * {@code path:<param>}: the {@code <region>} prefix of that path parameter (the whole value
     * when it has no {@code .}); on a secured operation too, where it overrides the token's home
     * region (a group and its chat are served by the group's region for every member).
     */
    PATH
  }

  public RouteHint {
    Objects.requireNonNull(kind, "kind");
  }

  /**
   * Parses an {@code x-stride-route} value.
   *
   * @throws IllegalArgumentException for a value the gateway does not know
   */
  public static RouteHint parse(String value) {
    String v = Objects.requireNonNull(value, "value").strip();
    if (v.equals("social")) {
      return new RouteHint(Kind.SOCIAL, null);
    }
    if (v.equals("all-regions")) {
      return new RouteHint(Kind.ALL_REGIONS, null);
    }
    if (v.equals("directory:email")) {
      return new RouteHint(Kind.DIRECTORY, "email");
    }
    int colon = v.indexOf(':');
    String member = colon < 0 ? "" : v.substring(colon + 1);
    if (!member.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
      throw new IllegalArgumentException("unknown " + EXTENSION + ": " + value);
    }
    return switch (v.substring(0, colon)) {
      case "body" -> new RouteHint(Kind.BODY, member);
      case "token" -> new RouteHint(Kind.TOKEN, member);
      case "path" -> new RouteHint(Kind.PATH, member);
      default -> throw new IllegalArgumentException("unknown " + EXTENSION + ": " + value);
    };
  }

  /**
   * The region a {@link Kind#PATH} hint names in {@code path} of {@code operation}: what precedes
   * the first {@code .} of the path parameter's value, the whole value when it has none; empty when
   * the parameter is missing or empty.
   */
  public Optional<String> regionIn(Operation operation, String path) {
    if (kind != Kind.PATH) {
      throw new IllegalStateException("not a path hint: " + kind);
    }
    String[] template = operation.pathTemplate().split("/", -1);
    String[] actual = path.split("/", -1);
    for (int i = 0; i < template.length && i < actual.length; i++) {
      if (template[i].equals("{" + member + "}")) {
        String value = actual[i];
        int dot = value.indexOf('.');
        String region = dot < 0 ? value : value.substring(0, dot);
        return region.isEmpty() ? Optional.empty() : Optional.of(region);
      }
    }
    return Optional.empty();
  }

  /**
   * The hints of every operation of {@code spec} that has one, by operation id; read from the raw
   * operation nodes.
   *
   * @throws IllegalArgumentException when an operation carries a value the gateway does not know
   */
  public static Map<String, RouteHint> index(OpenApiSpec spec) {
    Map<String, RouteHint> hints = new LinkedHashMap<>();
    for (Operation operation : spec.operations()) {
      String value =
          spec.document()
              .path("paths")
              .path(operation.pathTemplate())
              .path(operation.method().toLowerCase(Locale.ROOT))
              .path(EXTENSION)
              .asString("");
      if (!value.isEmpty()) {
        hints.put(operation.operationId(), parse(value));
      }
    }
    return Map.copyOf(hints);
  }
}
