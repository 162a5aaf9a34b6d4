package app.stride.aws.secrets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.config.Env;
import app.stride.core.json.Json;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SecretsOverlay} against WireMock speaking Secrets Manager's JSON protocol ({@code POST /},
 * {@code X-Amz-Target: secretsmanager.GetSecretValue}): the requests the SDK sends, the values put
 * in, the failures, and that no value reaches a message or the log.
 */
class SecretsOverlayIT {
  private static final String TARGET = "secretsmanager.GetSecretValue";
  private static final String CURSOR_ARN =
      "arn:aws:secretsmanager:eu-central-1:123456789012:secret:stride-cursor-key-eu-AbCdEf";
  private static final String SMTP_ARN =
      "arn:aws:secretsmanager:eu-central-1:123456789012:secret:stride-smtp-password-eu-GhIjKl";
  private static final String BUNDLE_ARN =
      "arn:aws:secretsmanager:eu-central-1:123456789012:secret:stride-devices-settings-eu-MnOpQr";
  private static final String CURSOR_VALUE = "Y3Vyc29yLWtleS12YWx1ZS0wMTIzNDU2Nzg5YWJjZGVm";
  private static final String SMTP_VALUE = "smtp-password-value-4f2e";
  private static final List<String> DEVICES_ALLOWED =
      List.of(
          "STRIDE_OAUTH_STATE_KEY",
          "STRIDE_OAUTH_STRAVA_CLIENT_ID",
          "STRIDE_OAUTH_STRAVA_CLIENT_SECRET",
          "STRIDE_WEBHOOK_POLAR_SIGNING_KEY");

  private static WireMockServer server;
  private final List<LogRecord> logged = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeAll
  static void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.resetAll();
    Logger.getLogger(SecretsOverlay.class.getName()).addHandler(capture);
  }

  @AfterEach
  void detach() {
    Logger.getLogger(SecretsOverlay.class.getName()).removeHandler(capture);
  }

  @Test
  void byArn_readsEachNameFromTheSecretItsArnNames_andKeepsEveryOtherVariable() {
    answer(CURSOR_ARN, secret(CURSOR_ARN, CURSOR_VALUE));
    answer(SMTP_ARN, secret(SMTP_ARN, SMTP_VALUE));

    Env env =
        SecretsOverlay.byArn(List.of("STRIDE_CURSOR_KEY", "STRIDE_SMTP_PASSWORD"))
            .resolve(
                env(
                    "STRIDE_CURSOR_KEY_ARN", CURSOR_ARN,
                    "STRIDE_SMTP_PASSWORD_ARN", SMTP_ARN,
                    "STRIDE_WORKOUTS_TABLE", "stride-workouts-eu"));

    assertThat(env.require("STRIDE_CURSOR_KEY")).isEqualTo(CURSOR_VALUE);
    assertThat(env.require("STRIDE_SMTP_PASSWORD")).isEqualTo(SMTP_VALUE);
    assertThat(env.require("STRIDE_WORKOUTS_TABLE")).isEqualTo("stride-workouts-eu");
    server.verify(
        1,
        postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo(TARGET))
            .withRequestBody(matchingJsonPath("$.SecretId", equalTo(CURSOR_ARN))));
    server.verify(2, postRequestedFor(urlEqualTo("/")));
  }

  @Test
  void byArn_aValueAlreadySet_wins_andItsSecretIsNotRead() {
    answer(SMTP_ARN, secret(SMTP_ARN, SMTP_VALUE));

    Env env =
        SecretsOverlay.byArn(List.of("STRIDE_CURSOR_KEY", "STRIDE_SMTP_PASSWORD"))
            .resolve(
                env(
                    "STRIDE_CURSOR_KEY", "bG9jYWwta2V5",
                    "STRIDE_CURSOR_KEY_ARN", CURSOR_ARN,
                    "STRIDE_SMTP_PASSWORD_ARN", SMTP_ARN));

    assertThat(env.require("STRIDE_CURSOR_KEY")).isEqualTo("bG9jYWwta2V5");
    server.verify(
        0,
        postRequestedFor(urlEqualTo("/"))
            .withRequestBody(matchingJsonPath("$.SecretId", equalTo(CURSOR_ARN))));
    server.verify(1, postRequestedFor(urlEqualTo("/")));
  }

  @Test
  void byArn_aMissingSecret_failsNamingTheVariable() {
    answer(
        CURSOR_ARN,
        error(
            "ResourceNotFoundException",
            "Secrets Manager can't find the specified secret value for staging label:"
                + " AWSCURRENT"));

    assertThatThrownBy(
            () ->
                SecretsOverlay.byArn(List.of("STRIDE_CURSOR_KEY"))
                    .resolve(env("STRIDE_CURSOR_KEY_ARN", CURSOR_ARN)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("STRIDE_CURSOR_KEY_ARN")
        .hasMessageContaining("ResourceNotFoundException");
  }

  @Test
  void byArn_aDeniedSecret_failsNamingTheVariable_andNoOtherSecretsValue() {
    answer(SMTP_ARN, secret(SMTP_ARN, SMTP_VALUE));
    answer(
        CURSOR_ARN,
        error(
            "AccessDeniedException",
            "User is not authorized to perform: secretsmanager:GetSecretValue"));

    assertThatThrownBy(
            () ->
                SecretsOverlay.byArn(List.of("STRIDE_SMTP_PASSWORD", "STRIDE_CURSOR_KEY"))
                    .resolve(
                        env(
                            "STRIDE_SMTP_PASSWORD_ARN", SMTP_ARN,
                            "STRIDE_CURSOR_KEY_ARN", CURSOR_ARN)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("STRIDE_CURSOR_KEY_ARN")
        .hasMessageContaining("AccessDeniedException")
        .satisfies(e -> assertThat(fullText(e)).doesNotContain(SMTP_VALUE));
    assertThat(logged).isEmpty();
  }

  @Test
  void byArn_aSecretWithoutStringValue_fails() {
    answer(CURSOR_ARN, Map.of("ARN", CURSOR_ARN, "SecretBinary", "AAEC"));

    assertThatThrownBy(
            () ->
                SecretsOverlay.byArn(List.of("STRIDE_CURSOR_KEY"))
                    .resolve(env("STRIDE_CURSOR_KEY_ARN", CURSOR_ARN)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("STRIDE_CURSOR_KEY_ARN")
        .hasMessageContaining("no string value");
  }

  @Test
  void bundle_putsTheAllowedMembers_setValuesWin_othersAreIgnored_inOneCall() {
    answer(BUNDLE_ARN, secret(BUNDLE_ARN, fixture("secrets/bundle.json")));

    Env env =
        SecretsOverlay.bundle(DEVICES_ALLOWED)
            .resolve(
                env(
                    "STRIDE_SECRETS_BUNDLE_ARN",
                    BUNDLE_ARN,
                    "STRIDE_OAUTH_STRAVA_CLIENT_ID",
                    "set-by-the-platform"));

    assertThat(env.require("STRIDE_OAUTH_STATE_KEY")).isEqualTo("state-key-value-7c1f");
    assertThat(env.require("STRIDE_OAUTH_STRAVA_CLIENT_SECRET"))
        .isEqualTo("strava-secret-value-91ad");
    assertThat(env.require("STRIDE_OAUTH_STRAVA_CLIENT_ID")).isEqualTo("set-by-the-platform");
    assertThat(env.optional("STRIDE_WEBHOOK_POLAR_SIGNING_KEY")).isEmpty();
    assertThat(env.asMap()).doesNotContainKeys("STRIDE_NOT_ALLOWED_HERE", "AWS_SECRET_ACCESS_KEY");
    server.verify(
        1,
        postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo(TARGET))
            .withRequestBody(matchingJsonPath("$.SecretId", equalTo(BUNDLE_ARN))));
  }

  @Test
  void bundle_logsOnlyTheNamesOfIgnoredMembers_neverAValue() {
    answer(BUNDLE_ARN, secret(BUNDLE_ARN, fixture("secrets/bundle.json")));

    SecretsOverlay.bundle(DEVICES_ALLOWED).resolve(env("STRIDE_SECRETS_BUNDLE_ARN", BUNDLE_ARN));

    assertThat(logged).hasSize(1);
    String line = formatted(logged.get(0));
    assertThat(line).contains("STRIDE_NOT_ALLOWED_HERE", "AWS_SECRET_ACCESS_KEY");
    assertThat(line)
        .doesNotContain(
            "foreign-value-5e0c",
            "aws-secret-value-d3a9",
            "state-key-value-7c1f",
            "strava-secret-value-91ad",
            "strava-id-value-2b44");
  }

  @Test
  void bundle_whenEveryAllowedNameIsSet_isNotRead() {
    answer(BUNDLE_ARN, secret(BUNDLE_ARN, fixture("secrets/bundle.json")));

    Env env =
        SecretsOverlay.bundle(List.of("STRIDE_OAUTH_STATE_KEY"))
            .resolve(
                env(
                    "STRIDE_SECRETS_BUNDLE_ARN",
                    BUNDLE_ARN,
                    "STRIDE_OAUTH_STATE_KEY",
                    "local-state-key"));

    assertThat(env.require("STRIDE_OAUTH_STATE_KEY")).isEqualTo("local-state-key");
    server.verify(0, postRequestedFor(urlEqualTo("/")));
  }

  @Test
  void bundle_thatIsNotAJsonObject_failsWithoutQuotingIt() {
    String notJson = "{\"STRIDE_OAUTH_STATE_KEY\": \"half-written-value-88c1\"";
    answer(BUNDLE_ARN, secret(BUNDLE_ARN, notJson));

    assertThatThrownBy(
            () ->
                SecretsOverlay.bundle(DEVICES_ALLOWED)
                    .resolve(env("STRIDE_SECRETS_BUNDLE_ARN", BUNDLE_ARN)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("STRIDE_SECRETS_BUNDLE_ARN")
        .hasNoCause()
        .satisfies(e -> assertThat(fullText(e)).doesNotContain("half-written-value-88c1"));
  }

  @Test
  void bundle_anAllowedMemberThatIsNotAString_failsNamingIt() {
    answer(
        BUNDLE_ARN,
        secret(BUNDLE_ARN, "{\"STRIDE_OAUTH_STATE_KEY\": {\"nested\": \"nested-value-0a9f\"}}"));

    assertThatThrownBy(
            () ->
                SecretsOverlay.bundle(DEVICES_ALLOWED)
                    .resolve(env("STRIDE_SECRETS_BUNDLE_ARN", BUNDLE_ARN)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("STRIDE_OAUTH_STATE_KEY")
        .satisfies(e -> assertThat(fullText(e)).doesNotContain("nested-value-0a9f"));
  }

  @Test
  void bundle_largerThanTheBound_isRefused() {
    String big =
        "{\"STRIDE_OAUTH_STATE_KEY\": \"" + "x".repeat(SecretsOverlay.MAX_BUNDLE_CHARS) + "\"}";
    answer(BUNDLE_ARN, secret(BUNDLE_ARN, big));

    assertThatThrownBy(
            () ->
                SecretsOverlay.bundle(DEVICES_ALLOWED)
                    .resolve(env("STRIDE_SECRETS_BUNDLE_ARN", BUNDLE_ARN)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("STRIDE_SECRETS_BUNDLE_ARN")
        .hasMessageContaining(String.valueOf(SecretsOverlay.MAX_BUNDLE_CHARS));
  }

  @Test
  void bundle_aMissingSecret_failsNamingTheBundleVariable() {
    answer(BUNDLE_ARN, error("ResourceNotFoundException", "Secrets Manager can't find it."));

    assertThatThrownBy(
            () ->
                SecretsOverlay.bundle(DEVICES_ALLOWED)
                    .resolve(env("STRIDE_SECRETS_BUNDLE_ARN", BUNDLE_ARN)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("STRIDE_SECRETS_BUNDLE_ARN")
        .hasMessageContaining("ResourceNotFoundException");
  }

  @Test
  void byArnAndBundle_thePerNameSecretWinsOverTheBundleMember() {
    String stateArn =
        "arn:aws:secretsmanager:eu-central-1:123456789012:secret:stride-oauth-state-key-eu-StUvWx";
    answer(stateArn, secret(stateArn, "per-name-state-key"));
    answer(BUNDLE_ARN, secret(BUNDLE_ARN, fixture("secrets/bundle.json")));

    Env env =
        SecretsOverlay.byArn(List.of("STRIDE_OAUTH_STATE_KEY"))
            .andBundle(DEVICES_ALLOWED)
            .resolve(
                env(
                    "STRIDE_OAUTH_STATE_KEY_ARN", stateArn,
                    "STRIDE_SECRETS_BUNDLE_ARN", BUNDLE_ARN));

    assertThat(env.require("STRIDE_OAUTH_STATE_KEY")).isEqualTo("per-name-state-key");
    assertThat(env.require("STRIDE_OAUTH_STRAVA_CLIENT_SECRET"))
        .isEqualTo("strava-secret-value-91ad");
  }

  @Test
  void onFirstUse_readsNothingUntilAsked_thenOnce() {
    answer(CURSOR_ARN, secret(CURSOR_ARN, CURSOR_VALUE));

    Supplier<Env> env =
        SecretsOverlay.byArn(List.of("STRIDE_CURSOR_KEY"))
            .onFirstUse(env("STRIDE_CURSOR_KEY_ARN", CURSOR_ARN));
    server.verify(0, postRequestedFor(urlEqualTo("/")));

    assertThat(env.get().require("STRIDE_CURSOR_KEY")).isEqualTo(CURSOR_VALUE);
    assertThat(env.get()).isSameAs(env.get());
    server.verify(1, postRequestedFor(urlEqualTo("/")));
  }

  /** The local stand-in's endpoint and region, plus {@code pairs}. */
  private static Env env(String... pairs) {
    Map<String, String> values = new HashMap<>();
    values.put(SecretsOverlay.ENDPOINT_ENV, server.baseUrl());
    values.put("AWS_REGION", "eu-central-1");
    for (int i = 0; i < pairs.length; i += 2) {
      values.put(pairs[i], pairs[i + 1]);
    }
    return new Env(values);
  }

  private static Map<String, Object> secret(String arn, String value) {
    return Map.of("ARN", arn, "Name", "stride-secret", "SecretString", value);
  }

  private static void answer(String arn, Map<String, Object> body) {
    answer(
        arn,
        aResponse()
            .withStatus(200)
            .withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody(Json.toBytes(body)));
  }

  private static void answer(String arn, ResponseDefinitionBuilder response) {
    server.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo(TARGET))
            .withRequestBody(matchingJsonPath("$.SecretId", equalTo(arn)))
            .willReturn(response));
  }

  private static ResponseDefinitionBuilder error(String type, String message) {
    return aResponse()
        .withStatus(400)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withHeader("x-amzn-ErrorType", type)
        .withBody(Json.toBytes(Map.of("__type", type, "Message", message)));
  }

  private static String fixture(String path) {
    try (InputStream in = SecretsOverlayIT.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The messages of {@code e} and every cause, as an operator would see them. */
  private static String fullText(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append(t).append('\n');
    }
    return text.toString();
  }

  private static String formatted(LogRecord record) {
    return new java.util.logging.SimpleFormatter().formatMessage(record);
  }
}
