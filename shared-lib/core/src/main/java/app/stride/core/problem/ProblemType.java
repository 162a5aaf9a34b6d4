package app.stride.core.problem;

import java.net.URI;

/**
 * The stable problem types. The URI of each is part of the public API: clients switch on it, so a
 * type is never renamed or reused for another meaning.
 */
public enum ProblemType {
  MALFORMED_JSON("malformed-json", 400, "The request body is not valid JSON"),
  VALIDATION_FAILED("validation-failed", 400, "The request is not valid"),
  UNAUTHORIZED("unauthorized", 401, "Authentication is required"),
  INVALID_CREDENTIALS("invalid-credentials", 401, "The email or password is wrong"),
  INVALID_TOKEN("invalid-token", 401, "The token is invalid, expired or already used"),
  INVALID_CODE("invalid-code", 401, "The code is wrong or was already used"),
  SOCIAL_TOKEN_REJECTED("social-token-rejected", 401, "The identity provider's token was refused"),
  WEAK_PASSWORD("weak-password", 400, "The password is too weak"),
  EMAIL_NOT_VERIFIED("email-not-verified", 403, "The email address is not verified yet"),
  CONFLICT("conflict", 409, "The request conflicts with the account's state"),
  FORBIDDEN("forbidden", 403, "This action is not allowed"),
  NOT_FOUND("not-found", 404, "Not found"),
  METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
  NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
  PRECONDITION_FAILED("precondition-failed", 412, "The resource has changed"),
  PAYLOAD_TOO_LARGE("payload-too-large", 413, "The request body is too large"),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
  WRONG_REGION("wrong-region", 421, "Request sent to the wrong region"),
  RATE_LIMITED("rate-limited", 429, "Too many requests"),
  INTERNAL("internal", 500, "Internal error"),
  STORE_UNAVAILABLE("store-unavailable", 503, "The data store is unavailable"),
  DEPENDENCY_UNAVAILABLE(
      "dependency-unavailable", 503, "A service this request needs is unavailable"),
  WEBHOOK_REJECTED("webhook-rejected", 401, "The webhook could not be verified"),
  CONNECTION_REJECTED("connection-rejected", 400, "The provider connection could not be completed");

  /** The base of every problem type URI. */
  public static final String BASE = "https://stride.app/problems/";

  private final String slug;
  private final int status;
  private final String title;

  ProblemType(String slug, int status, String title) {
    this.slug = slug;
    this.status = status;
    this.title = title;
  }

  /** The stable type URI, {@code https://stride.app/problems/<slug>}. */
  public URI uri() {
    return URI.create(BASE + slug);
  }

  public String slug() {
    return slug;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }
}
