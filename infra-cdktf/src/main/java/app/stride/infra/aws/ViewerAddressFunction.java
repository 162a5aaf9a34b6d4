package app.stride.infra.aws;

import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.cloudfront_function.CloudfrontFunction;
import software.constructs.Construct;

/**
 * The CloudFront Function that tells the HTTP functions who the viewer is. Behind CloudFront, API
 * Gateway's {@code requestContext.http.sourceIp} is a CloudFront address, so every viewer behind
 * one edge location would share one per-IP token bucket. On each viewer request, this function sets
 * {@value #HEADER} to {@code event.viewer.ip} (the address the viewer's connection came from: IPv4
 * dotted or IPv6 text, no port), overwriting any value the viewer sent under that name;
 * CloudFront's origin request policy forwards it with the other viewer headers.
 *
 * <p>Why not an origin request policy naming {@code CloudFront-Viewer-Address}: a policy that adds
 * CloudFront headers ({@code allViewerAndWhitelistCloudFront}) also forwards the viewer's {@code
 * Host}, which the API's {@code execute-api} endpoint answers with 403; a {@code whitelist} policy
 * cannot forward {@code Authorization}; and {@code allExcept} (what the managed {@value
 * EdgeProtection#ORIGIN_REQUEST_POLICY} is) names only viewer headers to leave out. A header set at
 * the viewer-request stage is a viewer header, which that policy forwards.
 *
 * <p>Only requests carrying the origin secret are trusted with it (shared-edge {@code
 * OriginVerification}); anyone can send the header straight to the API's own endpoint.
 */
public final class ViewerAddressFunction {
  /** The header the function writes; shared-edge {@code ViewerAddress.HEADER} reads it. */
  public static final String HEADER = "X-Stride-Viewer-Address";

  /**
   * The stage the function runs at: on every viewer request, before the origin request is built.
   */
  public static final String EVENT_TYPE = "viewer-request";

  /** The CloudFront Functions runtime (ECMAScript 5.1, the one every provider version accepts). */
  public static final String RUNTIME = "cloudfront-js-1.0";

  /** The function's source: overwrite the header with the connection's address, nothing else. */
  static final String CODE =
      "function handler(event) {\n"
          + "  var request = event.request;\n"
          + "  request.headers['"
          + HEADER.toLowerCase(java.util.Locale.ROOT)
          + "'] = { value: event.viewer.ip };\n"
          + "  return request;\n"
          + "}\n";

  private ViewerAddressFunction() {}

  /** The published function of {@code region}'s distribution. */
  static CloudfrontFunction create(Construct scope, RegionConfig region) {
    return CloudfrontFunction.Builder.create(scope, "viewer_address")
        .name("stride-" + region.id() + "-viewer-address")
        .comment("Sets " + HEADER + " to the viewer's address for the Stride API of " + region.id())
        .runtime(RUNTIME)
        .code(CODE)
        .publish(true)
        .build();
  }
}
