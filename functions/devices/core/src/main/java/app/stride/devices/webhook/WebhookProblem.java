package app.stride.devices.webhook;

import java.net.URI;

/**
 * Why a webhook request was refused: a stable problem type (answered as {@code
 * application/problem+json} by the HTTP adapter), the usual status and a title that never carries
 * request data or secrets.
 */
public enum WebhookProblem {
  SIGNATURE_MISSING("webhook-signature-missing", 401, "The webhook carries no signature"),
  SIGNATURE_INVALID(
      "webhook-signature-invalid", 401, "The webhook's signature or credential does not match"),
  STALE("webhook-stale", 401, "The webhook's timestamp is outside the accepted window"),
  REPLAYED("webhook-replayed", 200, "This exact webhook was already received"),
  MALFORMED("webhook-malformed", 400, "The webhook body is not what the provider sends"),
  URL_REFUSED("webhook-url-refused", 400, "The webhook names a URL outside the provider's hosts"),
  TOO_LARGE("webhook-too-large", 413, "The webhook body is too large"),
  METHOD_NOT_ALLOWED("webhook-method-not-allowed", 405, "Method not allowed on this webhook"),
  VERIFICATION_FAILED("webhook-verification-failed", 403, "The verification handshake failed"),
  NOT_CONFIGURED("webhook-not-configured", 503, "This webhook is not configured");

  /** The base of every problem type URI (the same as the shared problem types). */
  public static final String BASE = "https://stride.app/problems/";

  private final String slug;
  private final int status;
  private final String title;

  WebhookProblem(String slug, int status, String title) {
    this.slug = slug;
    this.status = status;
    this.title = title;
  }

  /** The stable code, e.g. {@code webhook-signature-invalid}. */
  public String slug() {
    return slug;
  }

  /** The stable type URI, {@code https://stride.app/problems/<slug>}. */
  public URI uri() {
    return URI.create(BASE + slug);
  }

  /** The usual HTTP status (a receiver may answer another where the provider demands it). */
  public int status() {
    return status;
  }

  /** A short, constant title. */
  public String title() {
    return title;
  }
}
