package app.stride.aws.client;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
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

  /**
   * The function's own credentials. In Lambda they are the role's: as variables ({@code
   * AWS_ACCESS_KEY_ID} ...) in a plain function, but from the runtime's local credentials endpoint
   * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}, with its token) in a SnapStart function, whose
   * snapshot must not carry keys; {@link #lambdaCredentials()} asks both, in that order, on every
   * resolution. Elsewhere the SDK's default chain finds them.
   */
  public static AwsCredentialsProvider cloudCredentials() {
    return System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null
        ? lambdaCredentials()
        : DefaultCredentialsProvider.builder().build();
  }

  /**
   * The role's credentials inside Lambda: the variables when they are set, else the runtime's
   * credentials endpoint (cached by the SDK until shortly before they expire). The chain does not
   * stick to the provider that answered first: a snapshot restored without the variables still
   * finds the endpoint.
   */
  public static AwsCredentialsProvider lambdaCredentials() {
    return AwsCredentialsProviderChain.builder()
        .reuseLastProviderEnabled(false)
        .credentialsProviders(
            EnvironmentVariableCredentialsProvider.create(),
            ContainerCredentialsProvider.builder().build())
        .build();
  }
}
