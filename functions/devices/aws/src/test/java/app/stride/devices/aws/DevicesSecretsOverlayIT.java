package app.stride.devices.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.aws.secrets.SecretsOverlay;
import app.stride.core.config.Env;
import app.stride.core.json.Json;
import app.stride.core.store.CursorSeal;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The devices Lambda's secrets as infra hands them over (the cursor secret's ARN and the settings
 * bundle's ARN), read from WireMock speaking Secrets Manager's JSON protocol: the HTTP function's
 * history needs the cursor key, and a bundle member outside the devices settings stays out.
 */
class DevicesSecretsOverlayIT {
  private static final String CURSOR_ARN =
      "arn:aws:secretsmanager:eu-central-1:123456789012:secret:stride-cursor-key-eu-AbCdEf";
  private static final String BUNDLE_ARN =
      "arn:aws:secretsmanager:eu-central-1:123456789012:secret:stride-devices-settings-eu-GhIjKl";
  private static final String CURSOR_VALUE = "Y3Vyc29yLWtleS12YWx1ZS0wMTIzNDU2Nzg5YWJjZGVm";

  private static WireMockServer server;

  @BeforeAll
  static void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void cursorKeyByItsArn_andProviderSettingsFromTheBundle_onlyTheDevicesNames() {
    answer(CURSOR_ARN, CURSOR_VALUE);
    answer(
        BUNDLE_ARN,
        new String(
            Json.toBytes(
                Map.of(
                    "STRIDE_OAUTH_STATE_KEY", "c3RhdGUta2V5",
                    "STRIDE_OAUTH_POLAR_CLIENT_ID", "polar-client",
                    "STRIDE_JWT_ISSUER", "https://not-from-the-bundle.example")),
            StandardCharsets.UTF_8));

    Env env =
        DevicesSecretSettings.overlay()
            .resolve(
                new Env(
                    Map.of(
                        SecretsOverlay.ENDPOINT_ENV,
                        server.baseUrl(),
                        "AWS_REGION",
                        "eu-central-1",
                        CursorSeal.KEY_ENV + SecretsOverlay.ARN_SUFFIX,
                        CURSOR_ARN,
                        SecretsOverlay.BUNDLE_ARN_ENV,
                        BUNDLE_ARN)));

    assertThat(env.require(CursorSeal.KEY_ENV)).isEqualTo(CURSOR_VALUE);
    assertThat(env.require("STRIDE_OAUTH_STATE_KEY")).isEqualTo("c3RhdGUta2V5");
    assertThat(env.require("STRIDE_OAUTH_POLAR_CLIENT_ID")).isEqualTo("polar-client");
    assertThat(env.optional("STRIDE_JWT_ISSUER")).isEmpty();
    // The key is usable as the history's cursor seal.
    assertThat(CursorSeal.fromEnv(env)).isNotNull();
  }

  private static void answer(String arn, String value) {
    server.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
            .withRequestBody(matchingJsonPath("$.SecretId", equalTo(arn)))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withBody(
                        Json.toBytes(
                            Map.of("ARN", arn, "Name", "stride-secret", "SecretString", value)))));
  }
}
