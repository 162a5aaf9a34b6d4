package app.stride.aws.client;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The client settings every Stride AWS SDK client shares: the light URL-connection HTTP client
 * (fast cold start, no Netty or Apache client on the classpath), an explicit region, and
 * credentials that are dummy values only when an endpoint override points at a local server.
 */
public final class AwsClientDefaults {
  private AwsClientDefaults() {}

  /** Applies the shared settings to an SDK client builder. */
  public static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B apply(
      B builder, Region region, Optional<URI> endpoint) {
    builder.httpClientBuilder(UrlConnectionHttpClient.builder()).region(region);
    endpoint.ifPresent(
        uri ->
            builder
                .endpointOverride(uri)
                .credentialsProvider(
                    StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("local", "local"))));
    if (endpoint.isEmpty()) {
      builder.credentialsProvider(cloudCredentials());
    }
    return builder;
  }

  /** In Lambda the credentials are in the environment; elsewhere the default chain finds them. */
  public static AwsCredentialsProvider cloudCredentials() {
    return System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null
        ? EnvironmentVariableCredentialsProvider.create()
        : DefaultCredentialsProvider.builder().build();
  }
}
