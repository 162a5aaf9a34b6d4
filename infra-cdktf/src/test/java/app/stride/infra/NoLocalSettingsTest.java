package app.stride.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Local-only switches must never reach a deployed function: with them a function would trust an
 * inline signing key or a local OIDC issuer, create its own tables, or talk to an emulator or a
 * local stand-in of a cloud service.
 */
class NoLocalSettingsTest {
  private static final List<String> LOCAL_ONLY =
      List.of(
          "STRIDE_LOCAL_MODE",
          "STRIDE_LOCAL_JWKS",
          "STRIDE_LOCAL_SIGNING_KEY",
          "STRIDE_GOOGLE_ISSUER",
          "STRIDE_APPLE_ISSUER",
          "STRIDE_CREATE_TABLES",
          "STRIDE_DYNAMODB_ENDPOINT",
          "STRIDE_SQS_ENDPOINT",
          "STRIDE_PUBSUB_ENDPOINT",
          "STRIDE_SES_ENDPOINT",
          "STRIDE_SECRETSMANAGER_ENDPOINT",
          "EMULATOR_HOST");

  @Test
  void noStack_setsALocalOnlyVariable() {
    assertThat(SynthesizedStacks.all()).containsKeys("aws-eu-central-1", "gcp-asia-southeast1");
    SynthesizedStacks.all()
        .forEach(
            (name, stack) -> {
              for (String variable : LOCAL_ONLY) {
                assertThat(stack.json())
                    .as(name + " must not set " + variable)
                    .doesNotContain(variable);
              }
            });
  }

  /** The one endpoint a deployed function gets: the management API of its own stack's stage. */
  private static final String WEBSOCKET_ENDPOINT = "STRIDE_WEBSOCKET_ENDPOINT";

  private static final String OWN_MANAGEMENT_API =
      "https://\\$\\{aws_apigatewayv2_api\\.[A-Za-z0-9_]+\\.id}\\.execute-api\\.[a-z0-9-]+"
          + "\\.amazonaws\\.com/live";

  @Test
  void noFunction_getsAnEndpointOverride() {
    SynthesizedStacks.all()
        .forEach(
            (name, stack) ->
                FunctionEnvironments.of(stack)
                    .forEach(
                        (function, env) -> {
                          assertThat(env.keySet())
                              .as("%s in %s", function, name)
                              .noneMatch(
                                  k ->
                                      (k.endsWith("_ENDPOINT") && !k.equals(WEBSOCKET_ENDPOINT))
                                          || k.contains("EMULATOR"));
                          if (env.containsKey(WEBSOCKET_ENDPOINT)) {
                            assertThat(env.get(WEBSOCKET_ENDPOINT))
                                .as("%s in %s", function, name)
                                .matches(OWN_MANAGEMENT_API);
                          }
                        }));
  }

  @Test
  void awsAuthFunctions_sendThroughSes_neverTheLocalSmtpServer() {
    for (String region : List.of("eu", "us")) {
      FunctionEnvironments.of(SynthesizedStacks.region(region))
          .forEach(
              (function, env) ->
                  assertThat(env.keySet())
                      .as(function)
                      .noneMatch(k -> k.startsWith("STRIDE_SMTP_")));
    }
  }

  @Test
  void gcpAuthFunctions_useARemoteRelay_withStartTls() {
    FunctionEnvironments.of(SynthesizedStacks.region("apac"))
        .forEach(
            (function, env) -> {
              if (env.containsKey("STRIDE_SMTP_HOST")) {
                assertThat(env.get("STRIDE_SMTP_HOST"))
                    .as(function)
                    .isNotIn("localhost", "127.0.0.1", "::1")
                    .doesNotStartWith("127.");
                assertThat(env.get("STRIDE_SMTP_STARTTLS")).as(function).isEqualTo("true");
              }
            });
  }

  @Test
  void everyFunction_verifiesTokensAgainstTheIssuersJwksUrl() {
    SynthesizedStacks.all()
        .forEach(
            (name, stack) -> {
              if (stack.json().contains("STRIDE_JWT_ISSUER")) {
                assertThat(stack.json()).as(name).contains("STRIDE_JWKS_URL");
              }
            });
  }
}
