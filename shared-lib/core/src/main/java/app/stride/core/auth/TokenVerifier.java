package app.stride.core.auth;

import app.stride.core.problem.ProblemException;

/** Verifies bearer access tokens. */
public interface TokenVerifier {
  /**
   * Verifies a compact JWT and returns its caller.
   *
   * @throws ProblemException of type {@code unauthorized} when the token is missing, malformed,
   *     expired, not yet valid, signed by an unknown key, by a key of another region or with
   *     another algorithm, or lacks a required claim
   */
  Principal verify(String token);

  /**
   * Verifies the {@code Authorization: Bearer} header value.
   *
   * @throws ProblemException of type {@code unauthorized} when the header is absent or not a bearer
   *     token
   */
  default Principal verifyAuthorization(String authorizationHeader) {
    if (authorizationHeader == null
        || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ProblemException(
          app.stride.core.problem.ProblemType.UNAUTHORIZED,
          "A bearer access token is required in the Authorization header.");
    }
    return verify(authorizationHeader.substring(7).trim());
  }
}
