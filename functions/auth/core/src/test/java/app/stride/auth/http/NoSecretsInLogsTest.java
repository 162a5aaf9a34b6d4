package app.stride.auth.http;

import static app.stride.auth.http.AuthHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.auth.credential.Totp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Runs every auth flow with Stride's loggers at DEBUG and scans what they wrote: no password, code,
 * token, secret or email address may appear in any log line.
 */
class NoSecretsInLogsTest {
  private static final String EMAIL = "lena.secret-runner@example.com";
  private static final String PASSWORD = "velvet thunder over the fjord";
  private static final String NEW_PASSWORD = "a second quite long passphrase";

  @Test
  void everyFlow_logsNoSecretAndNoAddress() {
    AuthHarness h = new AuthHarness();
    List<String> secrets =
        new ArrayList<>(List.of(EMAIL, PASSWORD, NEW_PASSWORD, "wrong guess number"));
    String logs =
        capture(
            () -> {
              h.registerVerified(EMAIL, PASSWORD);
              JsonNode session = json(h.login(EMAIL, PASSWORD));
              String access = session.path("accessToken").asString();
              String refresh = session.path("refreshToken").asString();
              secrets.add(access);
              secrets.add(refresh);
              secrets.add(refresh.substring(refresh.indexOf('.') + 1));

              JsonNode setup =
                  json(
                      h.post(
                          "/v1/me/mfa/totp",
                          "{\"password\":\"" + PASSWORD + "\"}",
                          access,
                          "192.0.2.1"));
              String secret = setup.path("secret").asString();
              secrets.add(secret);
              Totp totp = new Totp(h.clock);
              String code = totp.codeAt(secret, h.clock.instant());
              JsonNode codes =
                  json(
                      h.post(
                          "/v1/me/mfa/totp/confirm",
                          "{\"code\":\"" + code + "\"}",
                          access,
                          "192.0.2.1"));
              codes.path("recoveryCodes").forEach(c -> secrets.add(c.asString()));

              h.clock.advance(Duration.ofSeconds(30));
              JsonNode challenge = json(h.login(EMAIL, PASSWORD));
              secrets.add(challenge.path("mfaToken").asString());
              h.post(
                  "/v1/auth/mfa/verify",
                  "{\"mfaToken\":\""
                      + challenge.path("mfaToken").asString()
                      + "\",\"code\":\"000000\"}");

              h.post("/v1/auth/token/refresh", "{\"refreshToken\":\"" + refresh + "\"}");
              h.post("/v1/auth/token/refresh", "{\"refreshToken\":\"" + refresh + "\"}");

              for (int i = 0; i < 11; i++) {
                h.login(EMAIL, "wrong guess number " + i, "198.51.100.9");
              }
              h.post("/v1/auth/password/forgot", "{\"email\":\"" + EMAIL + "\"}");
              String reset = h.lastMailedToken(EMAIL);
              secrets.add(reset);
              h.post(
                  "/v1/auth/password/reset",
                  "{\"token\":\"" + reset + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}");
              h.post("/v1/auth/login", "{\"email\":\"" + EMAIL + "\",\"password\":\"short\"}");
            });

    assertThat(logs)
        .as("the flows must have logged something, or this test proves nothing")
        .contains("refresh token reuse detected")
        .contains("function=auth");
    for (String secret : secrets) {
      assertThat(logs)
          .as("a secret of length %d leaked into the logs", secret.length())
          .doesNotContain(secret);
    }
  }

  private static String capture(Runnable flows) {
    PrintStream original = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      flows.run();
    } finally {
      System.setErr(original);
    }
    String logs = buffer.toString(StandardCharsets.UTF_8);
    original.print(logs);
    return logs;
  }
}
