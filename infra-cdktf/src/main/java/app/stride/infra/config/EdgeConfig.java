package app.stride.infra.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The managed edge in front of every region's functions: stricter gateway throttling of the auth
 * routes, the AWS WAF rate limits (CloudFront in front of the HTTP API), the Cloud Armor rate
 * limits (external Application Load Balancer in front of GCP API Gateway) and the OpenAPI document
 * the GCP gateway config is derived from. See {@code docs/edge-infra.md}.
 *
 * @param authThrottle HTTP API stage throttling of each auth route (stricter than the default)
 * @param wafAuthRequestsPer5Min AWS WAF: requests one IP may send to the auth routes in 5 minutes
 * @param wafRequestsPer5Min AWS WAF: requests one IP may send to any route in 5 minutes
 * @param armorAuthRequestsPerMinute Cloud Armor: auth requests per IP per minute before throttling
 * @param armorRequestsPerMinute Cloud Armor: requests per IP per minute before a ban
 * @param armorBanSeconds Cloud Armor: how long a banned IP stays banned
 * @param wafWebhookRequestsPer5Min AWS WAF: requests one IP may send to the device webhooks ({@code
 *     /v1/webhooks/}) in 5 minutes; providers push every user's changes from few addresses, so this
 *     is higher than the auth limit and these paths are exempt from {@code wafRequestsPer5Min}
 * @param armorWebhookRequestsPerMinute Cloud Armor: webhook requests per IP per minute before
 *     throttling (exempt from the ban, like the auth paths)
 * @param apiDomain the domain under which each GCP region's load balancer gets its host name
 *     ({@code api-<region id>.<apiDomain>}, a Google-managed certificate)
 * @param apiSpec the OpenAPI document routed by the gateways, relative to the repository root
 */
public record EdgeConfig(
    ThrottleConfig authThrottle,
    int wafAuthRequestsPer5Min,
    int wafRequestsPer5Min,
    int armorAuthRequestsPerMinute,
    int armorRequestsPerMinute,
    int armorBanSeconds,
    int wafWebhookRequestsPer5Min,
    int armorWebhookRequestsPerMinute,
    String apiDomain,
    String apiSpec) {

  private static final Pattern DOMAIN = Pattern.compile("([a-z0-9-]+\\.)+[a-z]{2,}");

  /** WAF's rate-based rules accept 10 and more; every other limit must be positive. */
  public EdgeConfig {
    Objects.requireNonNull(authThrottle, "authThrottle");
    if (wafAuthRequestsPer5Min < 10 || wafRequestsPer5Min < 10) {
      throw new IllegalArgumentException("WAF rate limits must be at least 10 per 5 minutes");
    }
    if (armorAuthRequestsPerMinute < 1 || armorRequestsPerMinute < 1 || armorBanSeconds < 1) {
      throw new IllegalArgumentException("Cloud Armor limits must be positive");
    }
    if (wafWebhookRequestsPer5Min <= wafAuthRequestsPer5Min
        || armorWebhookRequestsPerMinute <= armorAuthRequestsPerMinute) {
      throw new IllegalArgumentException("webhook limits must be higher than the auth limits");
    }
    Objects.requireNonNull(apiDomain, "apiDomain");
    if (!DOMAIN.matcher(apiDomain).matches()) {
      throw new IllegalArgumentException("apiDomain is not a domain name: " + apiDomain);
    }
    Objects.requireNonNull(apiSpec, "apiSpec");
    if (apiSpec.isBlank() || apiSpec.startsWith("/")) {
      throw new IllegalArgumentException("apiSpec must be a path relative to the repo root");
    }
  }

  /** The host name of a GCP region's load balancer. */
  public String apiHost(RegionConfig region) {
    return "api-" + region.id() + "." + apiDomain;
  }
}
