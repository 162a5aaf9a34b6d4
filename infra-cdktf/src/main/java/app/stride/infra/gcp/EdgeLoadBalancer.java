package app.stride.infra.gcp;

import app.stride.infra.aws.AuthPaths;
import app.stride.infra.aws.WebhookPaths;
import app.stride.infra.config.EdgeConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.TerraformResource;
import com.hashicorp.cdktf.providers.google.compute_backend_service.ComputeBackendService;
import com.hashicorp.cdktf.providers.google.compute_backend_service.ComputeBackendServiceBackend;
import com.hashicorp.cdktf.providers.google.compute_global_address.ComputeGlobalAddress;
import com.hashicorp.cdktf.providers.google.compute_global_forwarding_rule.ComputeGlobalForwardingRule;
import com.hashicorp.cdktf.providers.google.compute_managed_ssl_certificate.ComputeManagedSslCertificate;
import com.hashicorp.cdktf.providers.google.compute_managed_ssl_certificate.ComputeManagedSslCertificateManaged;
import com.hashicorp.cdktf.providers.google.compute_security_policy.ComputeSecurityPolicy;
import com.hashicorp.cdktf.providers.google.compute_security_policy.ComputeSecurityPolicyRule;
import com.hashicorp.cdktf.providers.google.compute_security_policy.ComputeSecurityPolicyRuleMatch;
import com.hashicorp.cdktf.providers.google.compute_security_policy.ComputeSecurityPolicyRuleMatchConfig;
import com.hashicorp.cdktf.providers.google.compute_security_policy.ComputeSecurityPolicyRuleMatchExpr;
import com.hashicorp.cdktf.providers.google.compute_security_policy.ComputeSecurityPolicyRuleRateLimitOptions;
import com.hashicorp.cdktf.providers.google.compute_security_policy.ComputeSecurityPolicyRuleRateLimitOptionsRateLimitThreshold;
import com.hashicorp.cdktf.providers.google.compute_target_https_proxy.ComputeTargetHttpsProxy;
import com.hashicorp.cdktf.providers.google.compute_url_map.ComputeUrlMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.constructs.Construct;

/**
 * The GCP edge of a region: Cloud Armor can only attach to a load balancer's backend service, not
 * to API Gateway or to a function, so an external Application Load Balancer ({@code
 * EXTERNAL_MANAGED}) on {@code api-<id>.<apiDomain>} fronts the gateway through a serverless NEG
 * (platform {@value #GATEWAY_PLATFORM}, a google-beta field, see {@link GoogleBeta}), and its
 * backend service carries the Cloud Armor policy:
 *
 * <ol>
 *   <li>priority {@value #AUTH_THROTTLE_PRIORITY}: {@code throttle} the auth paths per client IP to
 *       {@code edge.armorAuthRequestsPerMinute} a minute, answering 429 beyond it;
 *   <li>priority {@value #WEBHOOK_THROTTLE_PRIORITY}: {@code throttle} the device webhooks ({@link
 *       WebhookPaths}) per client IP to {@code edge.armorWebhookRequestsPerMinute} a minute, a
 *       higher limit since a provider pushes for all its users from few addresses;
 *   <li>priority {@value #BAN_PRIORITY}: {@code rate_based_ban} any client IP above {@code
 *       edge.armorRequestsPerMinute} a minute for {@code edge.armorBanSeconds} (a request that
 *       conforms to a throttle rule above is allowed there, so auth and webhook paths are never
 *       banned by this rule);
 *   <li>the default rule allows the rest.
 * </ol>
 */
public final class EdgeLoadBalancer extends Construct {

  /** Serverless NEG platform of API Gateway. */
  public static final String GATEWAY_PLATFORM = "apigateway.googleapis.com";

  /** Priority of the auth throttle rule. */
  public static final int AUTH_THROTTLE_PRIORITY = 1000;

  /** Priority of the webhook throttle rule. */
  public static final int WEBHOOK_THROTTLE_PRIORITY = 1500;

  /** Priority of the per-IP ban rule. */
  public static final int BAN_PRIORITY = 2000;

  /** Priority of the default rule (the lowest). */
  public static final int DEFAULT_PRIORITY = 2147483647;

  private final ComputeGlobalAddress address;
  private final ComputeGlobalForwardingRule forwardingRule;

  /** Creates the policy, NEG, backend service, URL map, certificate, proxy, address and rule. */
  public EdgeLoadBalancer(
      Construct scope,
      String id,
      RegionConfig region,
      EdgeConfig edge,
      ApiGateway gateway,
      ComputeGlobalAddress address) {
    super(scope, id);
    this.address = address;
    String name = "stride-" + region.id() + "-edge";
    ComputeSecurityPolicy policy =
        ComputeSecurityPolicy.Builder.create(this, "armor")
            .project(region.gcpProject())
            .name(name)
            .description("Rate limits in front of the API Gateway of " + region.id())
            .type("CLOUD_ARMOR")
            .rule(
                List.of(
                    authThrottle(edge),
                    webhookThrottle(edge),
                    ipBan(edge),
                    allIps("allow", DEFAULT_PRIORITY, "Default")))
            .build();
    TerraformResource neg =
        GoogleBeta.resource(
            this,
            "gateway_neg",
            "google_compute_region_network_endpoint_group",
            Map.of(
                "project",
                region.gcpProject(),
                "name",
                name + "-gateway",
                "region",
                region.location(),
                "network_endpoint_type",
                "SERVERLESS",
                "serverless_deployment",
                Map.of("platform", GATEWAY_PLATFORM, "resource", gateway.gatewayId())));
    ComputeBackendService backend =
        ComputeBackendService.Builder.create(this, "backend")
            .project(region.gcpProject())
            .name(name)
            .loadBalancingScheme("EXTERNAL_MANAGED")
            .protocol("HTTPS")
            .securityPolicy(policy.getId())
            .backend(
                List.of(
                    ComputeBackendServiceBackend.builder()
                        .group(neg.getStringAttribute("id"))
                        .build()))
            .build();
    ComputeUrlMap urlMap =
        ComputeUrlMap.Builder.create(this, "url_map")
            .project(region.gcpProject())
            .name(name)
            .defaultService(backend.getId())
            .build();
    ComputeManagedSslCertificate certificate =
        ComputeManagedSslCertificate.Builder.create(this, "certificate")
            .project(region.gcpProject())
            .name(name)
            .managed(
                ComputeManagedSslCertificateManaged.builder()
                    .domains(List.of(edge.apiHost(region)))
                    .build())
            .build();
    ComputeTargetHttpsProxy proxy =
        ComputeTargetHttpsProxy.Builder.create(this, "https_proxy")
            .project(region.gcpProject())
            .name(name)
            .urlMap(urlMap.getId())
            .sslCertificates(List.of(certificate.getId()))
            .build();
    forwardingRule =
        ComputeGlobalForwardingRule.Builder.create(this, "https")
            .project(region.gcpProject())
            .name(name)
            .loadBalancingScheme("EXTERNAL_MANAGED")
            .ipAddress(address.getAddress())
            .portRange("443")
            .target(proxy.getId())
            .build();
  }

  /** Cloud Armor's expression matching every auth path ({@link AuthPaths}). */
  public static String authPathExpression() {
    return AuthPaths.prefixes().stream()
        .map(prefix -> "request.path.startsWith('" + prefix + "')")
        .collect(Collectors.joining(" || "));
  }

  private static ComputeSecurityPolicyRule authThrottle(EdgeConfig edge) {
    return ComputeSecurityPolicyRule.builder()
        .priority(AUTH_THROTTLE_PRIORITY)
        .description("Auth routes: per-IP throttle")
        .action("throttle")
        .match(
            ComputeSecurityPolicyRuleMatch.builder()
                .expr(
                    ComputeSecurityPolicyRuleMatchExpr.builder()
                        .expression(authPathExpression())
                        .build())
                .build())
        .rateLimitOptions(
            ComputeSecurityPolicyRuleRateLimitOptions.builder()
                .conformAction("allow")
                .exceedAction("deny(429)")
                .enforceOnKey("IP")
                .rateLimitThreshold(perMinute(edge.armorAuthRequestsPerMinute()))
                .build())
        .build();
  }

  /** Cloud Armor's expression matching every webhook path ({@link WebhookPaths}). */
  public static String webhookPathExpression() {
    return "request.path.startsWith('" + WebhookPaths.PREFIX + "')";
  }

  private static ComputeSecurityPolicyRule webhookThrottle(EdgeConfig edge) {
    return ComputeSecurityPolicyRule.builder()
        .priority(WEBHOOK_THROTTLE_PRIORITY)
        .description("Device webhooks: per-IP throttle")
        .action("throttle")
        .match(
            ComputeSecurityPolicyRuleMatch.builder()
                .expr(
                    ComputeSecurityPolicyRuleMatchExpr.builder()
                        .expression(webhookPathExpression())
                        .build())
                .build())
        .rateLimitOptions(
            ComputeSecurityPolicyRuleRateLimitOptions.builder()
                .conformAction("allow")
                .exceedAction("deny(429)")
                .enforceOnKey("IP")
                .rateLimitThreshold(perMinute(edge.armorWebhookRequestsPerMinute()))
                .build())
        .build();
  }

  private static ComputeSecurityPolicyRule ipBan(EdgeConfig edge) {
    return ComputeSecurityPolicyRule.builder()
        .priority(BAN_PRIORITY)
        .description("Any route: per-IP rate-based ban")
        .action("rate_based_ban")
        .match(everyIp())
        .rateLimitOptions(
            ComputeSecurityPolicyRuleRateLimitOptions.builder()
                .conformAction("allow")
                .exceedAction("deny(429)")
                .enforceOnKey("IP")
                .rateLimitThreshold(perMinute(edge.armorRequestsPerMinute()))
                .banDurationSec(edge.armorBanSeconds())
                .build())
        .build();
  }

  private static ComputeSecurityPolicyRule allIps(String action, int priority, String text) {
    return ComputeSecurityPolicyRule.builder()
        .priority(priority)
        .description(text)
        .action(action)
        .match(everyIp())
        .build();
  }

  private static ComputeSecurityPolicyRuleMatch everyIp() {
    return ComputeSecurityPolicyRuleMatch.builder()
        .versionedExpr("SRC_IPS_V1")
        .config(ComputeSecurityPolicyRuleMatchConfig.builder().srcIpRanges(List.of("*")).build())
        .build();
  }

  private static ComputeSecurityPolicyRuleRateLimitOptionsRateLimitThreshold perMinute(int count) {
    return ComputeSecurityPolicyRuleRateLimitOptionsRateLimitThreshold.builder()
        .count(count)
        .intervalSec(60)
        .build();
  }

  /**
   * Reserves the load balancer's global address, before the functions that must know it: Google's
   * load balancer appends {@code <client>, <this address>} to {@code X-Forwarded-For}, and a
   * function finds its caller as the entry before it ({@code STRIDE_LB_ADDRESS}).
   */
  public static ComputeGlobalAddress reserveAddress(Construct scope, RegionConfig region) {
    return ComputeGlobalAddress.Builder.create(scope, "edge_address")
        .project(region.gcpProject())
        .name("stride-" + region.id() + "-edge")
        .build();
  }

  /** The load balancer's IP address (point {@code api-<id>.<apiDomain>} at it). */
  public String ipAddress() {
    return address.getAddress();
  }

  /** The forwarding rule's name, the label of the load balancer's metrics. */
  public String forwardingRuleName() {
    return forwardingRule.getName();
  }
}
