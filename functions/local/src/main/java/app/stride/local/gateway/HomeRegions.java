package app.stride.local.gateway;

import app.stride.auth.credential.EmailAddress;
import app.stride.core.directory.DirectoryKeys;
import app.stride.core.directory.DirectoryPort;
import app.stride.core.http.ApiRequest;
import app.stride.core.json.Json;
import app.stride.core.problem.Problem;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.core.store.StoreUnavailableException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Finds the home region of a call without an access token from its {@link RouteHint}, as the edge
 * does before any function runs. Whatever cannot be resolved (a malformed body, an unknown email, a
 * token naming no region) goes to the fallback region, the first of the catalog, which answers it
 * exactly as a wrong password or an unknown token, in the same time: the gateway's routing never
 * tells an account apart from no account.
 *
 * <p>The directory is looked up by keyed hash only ({@code email:<canonical>} and {@code
 * social:<provider>:<sub>}, the keys the auth functions register). A social ID token is decoded
 * <em>without</em> verification: its subject and email are a routing hint, which the home region's
 * function then verifies.
 */
public final class HomeRegions {
  private final Optional<DirectoryPort> directory;
  private final Optional<DirectoryKeys> keys;
  private final Set<RegionId> configured;
  private final RegionId fallback;

  /**
   * @param directory the global directory and its key derivation; empty where none runs (every
   *     directory route then goes to {@code fallback})
   * @param configured the regions the platform runs
   * @param fallback where unresolvable calls go
   */
  public HomeRegions(Optional<Directory> directory, Set<RegionId> configured, RegionId fallback) {
    this.directory = directory.map(Directory::port);
    this.keys = directory.map(Directory::keys);
    this.configured = Set.copyOf(configured);
    this.fallback = Objects.requireNonNull(fallback, "fallback");
    if (!this.configured.contains(fallback)) {
      throw new IllegalArgumentException("the fallback region " + fallback + " is not configured");
    }
  }

  /**
   * The global directory as the gateway reads it.
   *
   * @param port the directory store
   * @param keys the keyed hash the auth functions register under (same secret)
   */
  public record Directory(DirectoryPort port, DirectoryKeys keys) {
    public Directory {
      Objects.requireNonNull(port, "port");
      Objects.requireNonNull(keys, "keys");
    }
  }

  /** The region that unresolvable calls go to. */
  public RegionId fallback() {
    return fallback;
  }

  /**
   * The region to serve {@code request} of an operation with {@code hint} (not {@link
   * RouteHint.Kind#ALL_REGIONS}).
   *
   * @throws ProblemException {@code store-unavailable} when the directory cannot be reached
   */
  public RegionId resolve(RouteHint hint, ApiRequest request) {
    JsonNode body = body(request);
    return switch (hint.kind()) {
      case BODY -> configuredOrFallback(text(body, hint.member()));
      case TOKEN -> configuredOrFallback(text(body, hint.member()).map(HomeRegions::prefix));
      case DIRECTORY ->
          orFallback(
              text(body, hint.member()).flatMap(HomeRegions::canonical).flatMap(this::byEmail));
      case SOCIAL -> social(request, body);
      case ALL_REGIONS ->
          throw new IllegalArgumentException("an all-regions call has no single home region");
      case PATH -> throw new IllegalArgumentException("the gateway reads a path route's region");
    };
  }

  private RegionId social(ApiRequest request, JsonNode body) {
    Optional<JsonNode> claims = text(body, "idToken").flatMap(HomeRegions::unverifiedClaims);
    String provider = lastSegment(request.path());
    Optional<RegionId> linked =
        claims
            .flatMap(c -> text(c, "sub"))
            .flatMap(sub -> lookUp("social:" + provider + ":" + sub));
    if (linked.isPresent()) {
      return linked.get();
    }
    Optional<RegionId> byEmail =
        claims
            .flatMap(c -> text(c, "email"))
            .flatMap(HomeRegions::canonical)
            .flatMap(this::byEmail);
    if (byEmail.isPresent()) {
      return byEmail.get();
    }
    return configuredOrFallback(text(body, "homeRegion"));
  }

  private Optional<RegionId> byEmail(String canonical) {
    return lookUp("email:" + canonical);
  }

  private Optional<RegionId> lookUp(String identifier) {
    if (directory.isEmpty() || keys.isEmpty()) {
      return Optional.empty();
    }
    try {
      return directory.get().homeRegion(keys.get().of(identifier)).filter(configured::contains);
    } catch (StoreUnavailableException e) {
      throw new ProblemException(
          Problem.of(ProblemType.STORE_UNAVAILABLE, "The directory cannot be reached; retry."),
          Map.of("Retry-After", "2"),
          e);
    }
  }

  private RegionId configuredOrFallback(Optional<String> region) {
    return orFallback(region.flatMap(this::configuredRegion));
  }

  private RegionId orFallback(Optional<RegionId> region) {
    return region.orElse(fallback);
  }

  private Optional<RegionId> configuredRegion(String value) {
    try {
      return Optional.of(RegionId.of(value)).filter(configured::contains);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The canonical form of an email, or empty when it is not one (the function says so). */
  private static Optional<String> canonical(String raw) {
    try {
      return Optional.of(EmailAddress.parse(raw).canonical());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** What precedes the first {@code .} of an opaque token. */
  private static String prefix(String token) {
    int dot = token.indexOf('.');
    return dot <= 0 ? "" : token.substring(0, dot);
  }

  /** The payload of a compact JWS, decoded but NOT verified: a routing hint only. */
  static Optional<JsonNode> unverifiedClaims(String jwt) {
    String[] parts = jwt.split("\\.", -1);
    if (parts.length != 3 || parts[1].length() > 16 * 1024) {
      return Optional.empty();
    }
    try {
      JsonNode claims = Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
      return claims != null && claims.isObject() ? Optional.of(claims) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String lastSegment(String path) {
    List<String> segments = List.of(path.split("/"));
    return segments.isEmpty() ? "" : segments.get(segments.size() - 1).toLowerCase(Locale.ROOT);
  }

  private static JsonNode body(ApiRequest request) {
    if (request.body().length == 0) {
      return null;
    }
    try {
      return Json.mapper().readTree(request.body());
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Optional<String> text(JsonNode node, String member) {
    if (node == null || !node.isObject() || !node.path(member).isString()) {
      return Optional.empty();
    }
    return Optional.of(node.path(member).asString());
  }
}
