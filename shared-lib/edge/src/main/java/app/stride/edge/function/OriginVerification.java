package app.stride.edge.function;

import app.stride.core.config.Env;
import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.problem.Problem;
import app.stride.core.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Refuses requests that did not come through Stride's CDN: on AWS, CloudFront (behind AWS WAF) adds
 * the header {@value #HEADER} with a secret only infra and the function know, so a caller that
 * finds the HTTP API's own endpoint and calls it directly, around the WAF's rules, gets {@code 403
 * forbidden} and nothing of the function runs (docs/edge-infra.md). The secret comes from {@value
 * #SECRET_ENV}; where it is unset (GCP, the local platform) there is no check.
 *
 * <p>A verified request is also where the viewer's address becomes known: CloudFront's own address
 * is the request's source, so a verified request that carries {@value ViewerAddress#HEADER} (set by
 * CloudFront, see {@link ViewerAddress}) goes on with that address as its {@code sourceIp}, which
 * the per-IP rate limits key on. Only a verified request: a caller that reaches the API's own
 * endpoint can write any header, and is refused before its header is read.
 *
 * <p>The comparison takes the same time wherever the first differing byte is ({@link
 * MessageDigest#isEqual}), so the secret cannot be guessed byte by byte from response times.
 */
public final class OriginVerification {
  /** The request header CloudFront adds. */
  public static final String HEADER = "X-Stride-Origin-Verify";

  /** The environment variable holding the expected value. */
  public static final String SECRET_ENV = "STRIDE_ORIGIN_VERIFY_SECRET";

  private final byte[] secret;

  /**
   * @param secret the value the header must have; not blank
   */
  public OriginVerification(String secret) {
    if (Objects.requireNonNull(secret, "secret").isBlank()) {
      throw new IllegalArgumentException("the origin secret must not be blank");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  /** The check configured by {@value #SECRET_ENV}; empty when it is unset or blank. */
  public static Optional<OriginVerification> fromEnv(Env env) {
    return env.optional(SECRET_ENV).map(OriginVerification::new);
  }

  /** Whether {@code request} carries the secret in {@value #HEADER}. */
  public boolean verifies(ApiRequest request) {
    return request
        .header(HEADER)
        .map(value -> MessageDigest.isEqual(secret, value.getBytes(StandardCharsets.UTF_8)))
        .orElse(false);
  }

  /**
   * {@code next}, reached only by verified requests, each with the viewer's address as its source
   * when CloudFront reported one ({@link ViewerAddress}); the others get {@code 403 forbidden}.
   */
  public Function<ApiRequest, ApiResponse> around(Function<ApiRequest, ApiResponse> next) {
    Objects.requireNonNull(next, "next");
    return request ->
        verifies(request) ? next.apply(ViewerAddress.resourced(request)) : forbidden(request);
  }

  private static ApiResponse forbidden(ApiRequest request) {
    return ApiResponse.problem(
        Problem.of(ProblemType.FORBIDDEN, "This API is served only through its public endpoint.")
            .at(request.path()),
        Map.of());
  }
}
