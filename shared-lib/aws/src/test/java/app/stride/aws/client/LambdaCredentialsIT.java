package app.stride.aws.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.aws.redis.ElastiCacheIamAuth;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * A SnapStart Lambda has no key variables: its role's credentials come from the runtime's local
 * endpoint ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} with {@code
 * AWS_CONTAINER_AUTHORIZATION_TOKEN}). Here a stub of that endpoint's documented protocol on
 * loopback, named through the SDK's equivalent system properties.
 */
class LambdaCredentialsIT {
  private static final String FULL_URI = "aws.containerCredentialsFullUri";
  private static final String TOKEN = "aws.containerAuthorizationToken";

  private final WireMockServer endpoint = new WireMockServer(options().dynamicPort());

  @BeforeEach
  void start() {
    assertThat(System.getenv("AWS_ACCESS_KEY_ID"))
        .as("this test shows the way without key variables: unset AWS_ACCESS_KEY_ID to run it")
        .isNull();
    endpoint.start();
    endpoint.stubFor(
        get(urlEqualTo("/2018-06-01/credentials"))
            .withHeader("Authorization", equalTo("snapstart-runtime-token"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        {"AccessKeyId": "ASIAROLEEXAMPLE",
                         "SecretAccessKey": "role-secret-example",
                         "Token": "role-session-token",
                         "Expiration": "%s"}
                        """
                            .formatted(Instant.now().plus(1, ChronoUnit.HOURS)))));
    System.setProperty(FULL_URI, endpoint.baseUrl() + "/2018-06-01/credentials");
    System.setProperty(TOKEN, "snapstart-runtime-token");
  }

  @AfterEach
  void stop() {
    System.clearProperty(FULL_URI);
    System.clearProperty(TOKEN);
    endpoint.stop();
  }

  @Test
  void withoutKeyVariables_theRolesCredentialsComeFromTheRuntimesEndpoint() {
    AwsCredentials credentials = AwsClientDefaults.lambdaCredentials().resolveCredentials();

    assertThat(credentials.accessKeyId()).isEqualTo("ASIAROLEEXAMPLE");
    assertThat(credentials).isInstanceOf(AwsSessionCredentials.class);
    assertThat(((AwsSessionCredentials) credentials).sessionToken())
        .isEqualTo("role-session-token");
    endpoint.verify(
        getRequestedFor(urlEqualTo("/2018-06-01/credentials"))
            .withHeader("Authorization", equalTo("snapstart-runtime-token")));
  }

  @Test
  void theRedisSignIn_signsWithThoseCredentials_sessionTokenIncluded() {
    String token =
        new ElastiCacheIamAuth(AwsClientDefaults.lambdaCredentials(), Clock.systemUTC())
            .token("stride-cache-eu", "stride-http-eu", "eu-central-1");

    assertThat(token)
        .contains("X-Amz-Credential=ASIAROLEEXAMPLE%2F")
        .contains("X-Amz-Security-Token=role-session-token");
  }
}
