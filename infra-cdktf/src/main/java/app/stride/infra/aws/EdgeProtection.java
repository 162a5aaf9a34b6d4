package app.stride.infra.aws;

import app.stride.infra.config.EdgeConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.providers.aws.cloudfront_distribution.CloudfrontDistribution;
import com.hashicorp.cdktf.providers.aws.cloudfront_distribution.CloudfrontDistributionDefaultCacheBehavior;
import com.hashicorp.cdktf.providers.aws.cloudfront_distribution.CloudfrontDistributionDefaultCacheBehaviorFunctionAssociation;
import com.hashicorp.cdktf.providers.aws.cloudfront_distribution.CloudfrontDistributionOrigin;
import com.hashicorp.cdktf.providers.aws.cloudfront_distribution.CloudfrontDistributionOriginCustomHeader;
import com.hashicorp.cdktf.providers.aws.cloudfront_distribution.CloudfrontDistributionOriginCustomOriginConfig;
import com.hashicorp.cdktf.providers.aws.cloudfront_distribution.CloudfrontDistributionRestrictions;
import com.hashicorp.cdktf.providers.aws.cloudfront_distribution.CloudfrontDistributionRestrictionsGeoRestriction;
import com.hashicorp.cdktf.providers.aws.cloudfront_distribution.CloudfrontDistributionViewerCertificate;
import com.hashicorp.cdktf.providers.aws.cloudfront_function.CloudfrontFunction;
import com.hashicorp.cdktf.providers.aws.data_aws_cloudfront_cache_policy.DataAwsCloudfrontCachePolicy;
import com.hashicorp.cdktf.providers.aws.data_aws_cloudfront_origin_request_policy.DataAwsCloudfrontOriginRequestPolicy;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAcl;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclDefaultAction;
import com.hashicorp.cdktf.providers.aws.wafv2_web_acl.Wafv2WebAclDefaultActionAllow;
import java.util.List;
import software.constructs.Construct;

/**
 * The AWS edge of a region: a CloudFront distribution in front of the HTTP API, carrying an AWS WAF
 * web ACL ({@link WafRules}). WAF cannot be associated with an API Gateway HTTP API (only with REST
 * APIs, CloudFront, ALB and a few others), so CloudFront is where WAF can sit; a web ACL of scope
 * {@code CLOUDFRONT} must live in {@code us-east-1}, hence the provider alias {@value
 * #EDGE_PROVIDER_ALIAS}, used by the web ACL and nothing else.
 *
 * <p>CloudFront caches nothing (managed policy {@value #CACHE_POLICY}) and forwards every viewer
 * header but {@code Host} ({@value #ORIGIN_REQUEST_POLICY}); it adds {@value #ORIGIN_HEADER} with
 * the value of the sensitive Terraform variable {@value #ORIGIN_SECRET_VARIABLE}, so the functions
 * can refuse requests that did not come through CloudFront (see {@code docs/edge-infra.md}).
 *
 * <p>The viewer's address: the HTTP API sees CloudFront's address as the request's source, so a
 * CloudFront Function on viewer requests ({@link ViewerAddressFunction}) writes the address the
 * viewer connected from into {@value ViewerAddressFunction#HEADER}, replacing whatever the viewer
 * sent under that name; the origin request policy forwards it as a viewer header, and the functions
 * key their per-IP buckets on it, only for requests that carry the origin secret.
 */
public final class EdgeProtection extends Construct {

  /** Alias of the {@code us-east-1} provider that owns the CLOUDFRONT-scope web ACL. */
  public static final String EDGE_PROVIDER_ALIAS = "edge";

  /** The region a CLOUDFRONT-scope web ACL must be created in. */
  public static final String EDGE_REGION = "us-east-1";

  /** AWS-managed cache policy: no caching, every request goes to the API. */
  public static final String CACHE_POLICY = "Managed-CachingDisabled";

  /** AWS-managed origin request policy: all viewer headers, query and cookies, except Host. */
  public static final String ORIGIN_REQUEST_POLICY = "Managed-AllViewerExceptHostHeader";

  /** The header CloudFront adds to every origin request. */
  public static final String ORIGIN_HEADER = "X-Stride-Origin-Verify";

  /** The Terraform variable holding the header's value (never in the synthesized JSON). */
  public static final String ORIGIN_SECRET_VARIABLE = "origin_verify_secret";

  /**
   * The variable through which the HTTP functions learn the header's value and refuse requests
   * without it (shared-edge {@code OriginVerification}).
   */
  public static final String ORIGIN_SECRET_ENV = "STRIDE_ORIGIN_VERIFY_SECRET";

  /**
   * A Terraform reference to {@value #ORIGIN_SECRET_VARIABLE}: the HTTP functions are built before
   * this construct (it fronts their API), so they name the variable rather than hold its token. The
   * value stays out of the synthesized JSON.
   */
  public static final String ORIGIN_SECRET_REFERENCE = "${var." + ORIGIN_SECRET_VARIABLE + "}";

  private final CloudfrontDistribution distribution;

  /** Creates the edge provider, the web ACL and the distribution in front of {@code api}. */
  public EdgeProtection(
      Construct scope, String id, RegionConfig region, EdgeConfig edge, ProfilesHttpApi api) {
    super(scope, id);
    AwsProvider edgeProvider =
        AwsProvider.Builder.create(this, "edge_provider")
            .alias(EDGE_PROVIDER_ALIAS)
            .region(EDGE_REGION)
            .build();
    Wafv2WebAcl acl =
        Wafv2WebAcl.Builder.create(this, "web_acl")
            .provider(edgeProvider)
            .name("stride-" + region.id() + "-edge")
            .description("Rate limits and the common rule set in front of " + region.id())
            .scope("CLOUDFRONT")
            .defaultAction(
                Wafv2WebAclDefaultAction.builder()
                    .allow(Wafv2WebAclDefaultActionAllow.builder().build())
                    .build())
            .rule(WafRules.rules(region, edge))
            .visibilityConfig(WafRules.visibility("stride-" + region.id() + "-edge"))
            .build();
    TerraformVariable originSecret =
        TerraformVariable.Builder.create(this, "origin_secret")
            .type("string")
            .sensitive(true)
            .nullable(false)
            .description(
                "Value of "
                    + ORIGIN_HEADER
                    + " that CloudFront sends to the HTTP API of "
                    + region.id()
                    + " (the value of the region's origin secret)")
            .build();
    originSecret.overrideLogicalId(ORIGIN_SECRET_VARIABLE);
    DataAwsCloudfrontCachePolicy cachePolicy =
        DataAwsCloudfrontCachePolicy.Builder.create(this, "no_cache").name(CACHE_POLICY).build();
    DataAwsCloudfrontOriginRequestPolicy originPolicy =
        DataAwsCloudfrontOriginRequestPolicy.Builder.create(this, "all_viewer_but_host")
            .name(ORIGIN_REQUEST_POLICY)
            .build();
    CloudfrontFunction viewerAddress = ViewerAddressFunction.create(this, region);
    String originId = "stride-" + region.id() + "-http-api";
    distribution =
        CloudfrontDistribution.Builder.create(this, "distribution")
            .enabled(true)
            .comment("Stride API of " + region.id() + " behind AWS WAF")
            .webAclId(acl.getArn())
            .httpVersion("http2and3")
            .origin(
                List.of(
                    CloudfrontDistributionOrigin.builder()
                        .originId(originId)
                        .domainName(Fn.replace(api.endpoint(), "https://", ""))
                        .customOriginConfig(
                            CloudfrontDistributionOriginCustomOriginConfig.builder()
                                .httpPort(80)
                                .httpsPort(443)
                                .originProtocolPolicy("https-only")
                                .originSslProtocols(List.of("TLSv1.2"))
                                .build())
                        .customHeader(
                            List.of(
                                CloudfrontDistributionOriginCustomHeader.builder()
                                    .name(ORIGIN_HEADER)
                                    .value(originSecret.getStringValue())
                                    .build()))
                        .build()))
            .defaultCacheBehavior(
                CloudfrontDistributionDefaultCacheBehavior.builder()
                    .targetOriginId(originId)
                    .viewerProtocolPolicy("https-only")
                    .allowedMethods(
                        List.of("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"))
                    .cachedMethods(List.of("GET", "HEAD"))
                    .cachePolicyId(cachePolicy.getId())
                    .originRequestPolicyId(originPolicy.getId())
                    .functionAssociation(
                        List.of(
                            CloudfrontDistributionDefaultCacheBehaviorFunctionAssociation.builder()
                                .eventType(ViewerAddressFunction.EVENT_TYPE)
                                .functionArn(viewerAddress.getArn())
                                .build()))
                    .compress(true)
                    .build())
            .restrictions(
                CloudfrontDistributionRestrictions.builder()
                    .geoRestriction(
                        CloudfrontDistributionRestrictionsGeoRestriction.builder()
                            .restrictionType("none")
                            .build())
                    .build())
            .viewerCertificate(
                CloudfrontDistributionViewerCertificate.builder()
                    .cloudfrontDefaultCertificate(true)
                    .build())
            .build();
  }

  /** The distribution's host name: the region's public API address. */
  public String domainName() {
    return distribution.getDomainName();
  }
}
