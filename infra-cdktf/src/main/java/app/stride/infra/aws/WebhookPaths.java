package app.stride.infra.aws;

/**
 * Where device providers push their notifications ({@code GET|POST /v1/webhooks/{provider}}, public
 * operations of the devices capability that verify the provider's signature themselves). Providers
 * push every user's changes from few addresses, so the edge gives these paths their own, higher
 * per-IP limit instead of the limit of all other paths ({@link WafRules}, Cloud Armor).
 */
public final class WebhookPaths {

  /** Every webhook route is under this prefix. */
  public static final String PREFIX = "/v1/webhooks/";

  private WebhookPaths() {}
}
