package app.stride.auth.aws.adapter.out.ses;

import app.stride.aws.client.AwsClientDefaults;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Builds SES v2 clients from {@link SesMailSettings}. Build once per function instance. */
public final class SesClients {
  private SesClients() {}

  /**
   * A client with the shared defaults (URL-connection HTTP client, region, local-only dummy
   * credentials behind an endpoint override), the call timeout and the attempt limit.
   */
  public static SesV2Client client(SesMailSettings settings) {
    return AwsClientDefaults.apply(SesV2Client.builder(), settings.awsRegion(), settings.endpoint())
        .overrideConfiguration(
            o ->
                o.apiCallTimeout(settings.apiCallTimeout())
                    .retryStrategy(retry -> retry.maxAttempts(settings.maxAttempts())))
        .build();
  }
}
