package app.stride.core.directory.http;

import app.stride.core.directory.DirectoryKey;
import app.stride.core.directory.DirectoryPort;
import app.stride.core.directory.http.DirectoryRequestSigner.Verdict;
import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.json.Json;
import app.stride.core.problem.Problem;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The directory's HTTP face, served in the global stack over the directory store (any {@link
 * DirectoryPort}); cloud-neutral, so the same function could run on either cloud.
 *
 * <ul>
 *   <li>{@code PUT /directory/v1/entries/{key}} with {@code {"region":"eu"}}: {@code 201}, or
 *       {@code 409 conflict} when the key is taken (the problem carries nothing about the existing
 *       entry);
 *   <li>{@code GET /directory/v1/entries/{key}}: {@code 200 {"region":"eu"}} or {@code 404};
 *   <li>{@code DELETE /directory/v1/entries/{key}}: {@code 204}, whether the entry existed or not.
 * </ul>
 *
 * Checks, in this order: body at most {@value #MAX_BODY_BYTES} bytes ({@code 413}, before any
 * hashing); a valid {@link DirectoryRequestSigner signature} ({@code 401}, nothing else is looked
 * at); the route ({@code 404}/{@code 405}); no query ({@code 400}: it would not be signed); the key
 * of {@link DirectoryKey}'s form and a JSON body with exactly a valid region ({@code 400}, {@code
 * 415}). Every error is {@code application/problem+json}; a store outage answers {@code 503} with
 * {@code Retry-After}. Log lines carry the request id, method, status and refusal reason, never a
 * key, a body or a header value.
 */
public final class DirectoryApi implements Function<ApiRequest, ApiResponse> {
  /** The path prefix of an entry; the key follows as the last segment. */
  public static final String ENTRIES_PATH = "/directory/v1/entries/";

  /** The largest request body accepted. */
  public static final int MAX_BODY_BYTES = 1024;

  /** The body member naming the home region. */
  public static final String REGION_MEMBER = "region";

  private static final Logger log = LoggerFactory.getLogger(DirectoryApi.class);
  private static final String ALLOWED = "GET, PUT, DELETE";

  private final DirectoryPort directory;
  private final DirectoryRequestSigner signer;
  private final Clock clock;

  /** Serves {@code directory}, accepting requests signed for {@code signer}'s secret. */
  public DirectoryApi(DirectoryPort directory, DirectoryRequestSigner signer, Clock clock) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.signer = Objects.requireNonNull(signer, "signer");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public ApiResponse apply(ApiRequest request) {
    ApiResponse response;
    try {
      response = handle(request);
    } catch (ProblemException e) {
      response = ApiResponse.problem(e.problem(), e.headers());
      if (e.getCause() != null) {
        log.warn(
            "directory requestId={} problem={} cause={}",
            request.requestId(),
            e.problem().type(),
            e.getCause().getClass().getName());
      }
    } catch (RuntimeException e) {
      // The class only: an adapter's message could quote the key.
      log.error(
          "directory requestId={} method={} unhandled failure {}",
          request.requestId(),
          request.method(),
          e.getClass().getName());
      response = problem(ProblemType.INTERNAL, "Something went wrong on our side.");
    }
    log.info(
        "directory requestId={} method={} status={}",
        request.requestId(),
        request.method(),
        response.status());
    return response;
  }

  private ApiResponse handle(ApiRequest request) {
    if (request.body().length > MAX_BODY_BYTES) {
      return problem(ProblemType.PAYLOAD_TOO_LARGE, "The body exceeds 1024 bytes.");
    }
    Verdict verdict = signer.verify(request, clock.instant());
    if (verdict != Verdict.VALID) {
      log.warn("directory requestId={} refused: signature {}", request.requestId(), verdict);
      return problem(ProblemType.UNAUTHORIZED, "The request must carry a valid signature.");
    }
    if (!request.path().startsWith(ENTRIES_PATH)) {
      return problem(ProblemType.NOT_FOUND, "No such resource.");
    }
    if (!request.query().isEmpty()) {
      throw ProblemException.invalid("query", "The directory API takes no query parameters.");
    }
    DirectoryKey key = key(request.path().substring(ENTRIES_PATH.length()));
    return switch (request.method()) {
      case "PUT" -> register(key, request);
      case "GET" -> lookUp(key);
      case "DELETE" -> remove(key);
      default ->
          ApiResponse.problem(
              Problem.of(ProblemType.METHOD_NOT_ALLOWED, "Use GET, PUT or DELETE."),
              Map.of("Allow", ALLOWED));
    };
  }

  private ApiResponse register(DirectoryKey key, ApiRequest request) {
    RegionId region = region(request);
    try {
      directory.register(key, region);
    } catch (VersionConflictException e) {
      return problem(ProblemType.CONFLICT, "This key is already registered.");
    }
    return ApiResponse.empty(201);
  }

  private ApiResponse lookUp(DirectoryKey key) {
    Optional<RegionId> home = directory.homeRegion(key);
    return home.map(r -> ApiResponse.json(200, Map.of(REGION_MEMBER, r.value())))
        .orElseGet(() -> problem(ProblemType.NOT_FOUND, "No entry for this key."));
  }

  private ApiResponse remove(DirectoryKey key) {
    directory.remove(key);
    return ApiResponse.empty(204);
  }

  private static DirectoryKey key(String segment) {
    try {
      return new DirectoryKey(segment);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("path:key", "The key must be 43 base64url characters.");
    }
  }

  private static RegionId region(ApiRequest request) {
    if (!"application/json".equals(request.mediaType())) {
      throw new ProblemException(
          ProblemType.UNSUPPORTED_MEDIA_TYPE, "The body must be application/json.");
    }
    JsonNode body;
    try {
      body = Json.mapper().readTree(request.body());
    } catch (JacksonException e) {
      throw new ProblemException(ProblemType.MALFORMED_JSON, "The body is not valid JSON.");
    }
    if (body == null
        || !body.isObject()
        || body.size() != 1
        || !body.path(REGION_MEMBER).isString()) {
      throw ProblemException.invalid("", "The body must be exactly {\"region\": \"<id>\"}.");
    }
    try {
      return RegionId.of(body.path(REGION_MEMBER).asString());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("/region", "Not a region id.");
    }
  }

  private static ApiResponse problem(ProblemType type, String detail) {
    return ApiResponse.problem(Problem.of(type, detail), Map.of());
  }
}
