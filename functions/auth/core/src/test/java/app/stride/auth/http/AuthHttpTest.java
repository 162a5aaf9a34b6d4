package app.stride.auth.http;

import static app.stride.auth.http.AuthHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.auth.credential.Totp;
import app.stride.auth.mail.MailMessage;
import app.stride.core.auth.Principal;
import app.stride.core.http.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The auth HTTP function end to end in memory: each flow of the issue through the spec-validated
 * entry, with the real password hashing, tokens, TOTP and throttle.
 */
class AuthHttpTest {
  private static final String ANA = "ana.runner+stride@example.com";
  private static final String PASSWORD = "correct horse battery staple";

  private final AuthHarness h = new AuthHarness();

  @Test
  void register_verify_login_issuesAnAccessTokenTheSharedVerifierAccepts() {
    h.registerVerified(ANA, PASSWORD);

    ApiResponse login = h.login(ANA, PASSWORD);

    assertThat(login.status()).isEqualTo(200);
    assertThat(login.header("Cache-Control")).isEqualTo("no-store");
    JsonNode body = json(login);
    assertThat(body.path("tokenType").asString()).isEqualTo("Bearer");
    assertThat(body.path("expiresIn").asLong()).isEqualTo(900);
    assertThat(body.path("refreshToken").asString()).startsWith("eu.");
    Principal caller = h.verifier().verify(body.path("accessToken").asString());
    assertThat(caller.homeRegion().value()).isEqualTo("eu");
    assertThat(h.accounts.findByEmail(ANA))
        .get()
        .extracting(a -> a.id().value())
        .isEqualTo(caller.userId());
  }

  @Test
  void register_answersTheSameWhenTheEmailIsTaken_andCreatesNoSecondAccount() {
    h.registerVerified(ANA, PASSWORD);
    int mailsBefore = h.mail.size();

    ApiResponse again =
        h.post(
            "/v1/auth/register",
            """
            {"email":"Ana.Runner+stride@EXAMPLE.com","password":"another long passphrase","homeRegion":"eu"}""");

    assertThat(again.status()).isEqualTo(202);
    assertThat(json(again).path("status").asString()).isEqualTo("verification-sent");
    assertThat(h.mail).hasSize(mailsBefore);
    assertThat(h.login(ANA, "another long passphrase").status()).isEqualTo(401);
  }

  @Test
  void register_refusesCommonShortAndEmailBasedPasswords_andStoresNothing() {
    String[][] cases = {
      {"password1234", "common"},
      {"short pass", "too-short"},
      {"ana.runner+stride-2026", "contains-email"}
    };
    for (String[] c : cases) {
      ApiResponse response =
          h.post(
              "/v1/auth/register",
              """
              {"email":"%s","password":"%s","homeRegion":"eu"}"""
                  .formatted(ANA, c[0]));

      assertThat(response.status()).as(c[0]).isEqualTo(400);
      assertThat(json(response).path("type").asString())
          .isEqualTo("https://stride.app/problems/weak-password");
      assertThat(json(response).path("reason").asString()).as(c[0]).isEqualTo(c[1]);
    }
    assertThat(h.accounts.findByEmail(ANA)).isEmpty();
    assertThat(h.mail).isEmpty();
  }

  @Test
  void register_forAnotherHomeRegion_isRefusedWith421_andNamesThatRegion() {
    ApiResponse response =
        h.post(
            "/v1/auth/register",
            """
            {"email":"%s","password":"%s","homeRegion":"us"}"""
                .formatted(ANA, PASSWORD));

    assertThat(response.status()).isEqualTo(421);
    assertThat(json(response).path("homeRegion").asString()).isEqualTo("us");
    assertThat(h.accounts.findByEmail(ANA)).isEmpty();
  }

  @Test
  void login_unknownEmailAndWrongPassword_getTheSameAnswer() {
    h.registerVerified(ANA, PASSWORD);

    ApiResponse wrongPassword = h.login(ANA, "not the password at all");
    ApiResponse unknown = h.login("nobody@example.com", "not the password at all");

    assertThat(wrongPassword.status()).isEqualTo(401).isEqualTo(unknown.status());
    assertThat(json(wrongPassword).path("type")).isEqualTo(json(unknown).path("type"));
    assertThat(json(wrongPassword).path("detail")).isEqualTo(json(unknown).path("detail"));
  }

  @Test
  void login_beforeVerification_isRefusedWith403_andMailsAFreshLink() {
    h.post(
        "/v1/auth/register",
        """
        {"email":"%s","password":"%s","homeRegion":"eu"}"""
            .formatted(ANA, PASSWORD));
    int mails = h.mail.size();

    ApiResponse login = h.login(ANA, PASSWORD);

    assertThat(login.status()).isEqualTo(403);
    assertThat(json(login).path("type").asString())
        .isEqualTo("https://stride.app/problems/email-not-verified");
    assertThat(h.mail).hasSize(mails + 1);
  }

  @Test
  void verifyEmail_linkWorksOnce_andExpiresAfter24Hours() {
    h.post(
        "/v1/auth/register",
        """
        {"email":"%s","password":"%s","homeRegion":"eu"}"""
            .formatted(ANA, PASSWORD));
    String token = h.lastMailedToken(ANA);

    assertThat(h.post("/v1/auth/verify-email", "{\"token\":\"" + token + "\"}").status())
        .isEqualTo(204);
    assertThat(h.post("/v1/auth/verify-email", "{\"token\":\"" + token + "\"}").status())
        .isEqualTo(401);

    h.post(
        "/v1/auth/register",
        """
        {"email":"bo@example.com","password":"%s","homeRegion":"eu"}"""
            .formatted(PASSWORD));
    String late = h.lastMailedToken("bo@example.com");
    h.clock.advance(Duration.ofHours(24).plusSeconds(1));
    ApiResponse expired = h.post("/v1/auth/verify-email", "{\"token\":\"" + late + "\"}");
    assertThat(expired.status()).isEqualTo(401);
    assertThat(json(expired).path("type").asString())
        .isEqualTo("https://stride.app/problems/invalid-token");
  }

  @Test
  void refresh_rotatesTheToken_andReuseOfARotatedTokenRevokesTheWholeSession() {
    h.registerVerified(ANA, PASSWORD);
    String first = json(h.login(ANA, PASSWORD)).path("refreshToken").asString();

    ApiResponse rotated = h.post("/v1/auth/token/refresh", refresh(first));
    assertThat(rotated.status()).isEqualTo(200);
    String second = json(rotated).path("refreshToken").asString();
    assertThat(second).isNotEqualTo(first);

    ApiResponse reuse = h.post("/v1/auth/token/refresh", refresh(first));
    assertThat(reuse.status()).isEqualTo(401);
    ApiResponse thiefLockedOut = h.post("/v1/auth/token/refresh", refresh(second));
    assertThat(thiefLockedOut.status()).isEqualTo(401);
  }

  @Test
  void logout_endsOneSession_logoutAll_endsEveryOther() {
    h.registerVerified(ANA, PASSWORD);
    JsonNode phone = json(h.login(ANA, PASSWORD));
    JsonNode laptop = json(h.login(ANA, PASSWORD));
    JsonNode tablet = json(h.login(ANA, PASSWORD));

    assertThat(h.post("/v1/auth/logout", refresh(phone.path("refreshToken").asString())).status())
        .isEqualTo(204);
    assertThat(
            h.post("/v1/auth/token/refresh", refresh(phone.path("refreshToken").asString()))
                .status())
        .isEqualTo(401);
    assertThat(
            h.post(
                    "/v1/auth/logout-all",
                    null,
                    laptop.path("accessToken").asString(),
                    "203.0.113.7")
                .status())
        .isEqualTo(204);
    assertThat(
            h.post("/v1/auth/token/refresh", refresh(tablet.path("refreshToken").asString()))
                .status())
        .isEqualTo(401);
  }

  @Test
  void totp_setupConfirmAndLogin_acceptsACodeOnce_andEachRecoveryCodeOnce() {
    h.registerVerified(ANA, PASSWORD);
    String access = json(h.login(ANA, PASSWORD)).path("accessToken").asString();
    Totp totp = new Totp(h.clock);

    JsonNode setup =
        json(h.post("/v1/me/mfa/totp", "{\"password\":\"" + PASSWORD + "\"}", access, "1.2.3.4"));
    String secret = setup.path("secret").asString();
    assertThat(setup.path("otpauthUri").asString()).startsWith("otpauth://totp/");
    ApiResponse confirmed =
        h.post(
            "/v1/me/mfa/totp/confirm",
            "{\"code\":\"" + totp.codeAt(secret, h.clock.instant()) + "\"}",
            access,
            "1.2.3.4");
    assertThat(confirmed.status()).isEqualTo(200);
    List<String> recovery =
        json(confirmed).path("recoveryCodes").valueStream().map(JsonNode::asString).toList();
    assertThat(recovery).hasSize(10).doesNotHaveDuplicates();

    h.clock.advance(Duration.ofSeconds(30));
    JsonNode challenge = json(h.login(ANA, PASSWORD));
    assertThat(challenge.path("mfaRequired").asBoolean()).isTrue();
    String code = totp.codeAt(secret, h.clock.instant());
    ApiResponse signedIn = h.post("/v1/auth/mfa/verify", mfa(challenge, code));
    assertThat(signedIn.status()).isEqualTo(200);
    Principal caller = h.verifier().verify(json(signedIn).path("accessToken").asString());
    assertThat(caller.userId()).isNotBlank();

    JsonNode replayChallenge = json(h.login(ANA, PASSWORD));
    ApiResponse replay = h.post("/v1/auth/mfa/verify", mfa(replayChallenge, code));
    assertThat(replay.status()).isEqualTo(401);
    assertThat(json(replay).path("type").asString())
        .isEqualTo("https://stride.app/problems/invalid-code");

    ApiResponse withRecovery = h.post("/v1/auth/mfa/verify", mfa(replayChallenge, recovery.get(0)));
    assertThat(withRecovery.status()).isEqualTo(200);
    JsonNode again = json(h.login(ANA, PASSWORD));
    assertThat(h.post("/v1/auth/mfa/verify", mfa(again, recovery.get(0))).status()).isEqualTo(401);
  }

  @Test
  void tenWrongPasswords_lockTheAccountWith429AndRetryAfter_mailTheOwner_andAResetStillWorks() {
    h.registerVerified(ANA, PASSWORD);
    ApiResponse last = null;
    for (int i = 0; i < 12; i++) {
      last = h.login(ANA, "wrong password number " + i, "198.51.100." + (i % 3));
      if (last.status() == 429) {
        h.clock.advance(Duration.ofSeconds(Long.parseLong(last.header("Retry-After"))));
      }
      h.clock.advance(Duration.ofSeconds(1));
    }
    ApiResponse locked = h.login(ANA, PASSWORD, "192.0.2.44");
    assertThat(locked.status()).isEqualTo(429);
    assertThat(Long.parseLong(locked.header("Retry-After"))).isPositive();
    assertThat(h.mail).extracting(MailMessage::to).contains(ANA);
    assertThat(h.mail.get(h.mail.size() - 1).subject()).isNotBlank();

    assertThat(h.post("/v1/auth/password/forgot", "{\"email\":\"" + ANA + "\"}").status())
        .isEqualTo(202);
    String reset = h.lastMailedToken(ANA);
    ApiResponse done =
        h.post(
            "/v1/auth/password/reset",
            "{\"token\":\"" + reset + "\",\"newPassword\":\"a brand new passphrase\"}",
            null,
            "192.0.2.44");
    assertThat(done.status()).isEqualTo(204);
    assertThat(h.login(ANA, "a brand new passphrase", "192.0.2.44").status()).isEqualTo(200);
  }

  @Test
  void passwordReset_endsEverySession_andTheLinkExpiresAfter30Minutes() {
    h.registerVerified(ANA, PASSWORD);
    String refresh = json(h.login(ANA, PASSWORD)).path("refreshToken").asString();
    h.post("/v1/auth/password/forgot", "{\"email\":\"" + ANA + "\"}");
    String link = h.lastMailedToken(ANA);
    h.clock.advance(Duration.ofMinutes(1));

    assertThat(
            h.post(
                    "/v1/auth/password/reset",
                    "{\"token\":\"" + link + "\",\"newPassword\":\"a brand new passphrase\"}")
                .status())
        .isEqualTo(204);
    assertThat(h.post("/v1/auth/token/refresh", refresh(refresh)).status()).isEqualTo(401);

    h.post("/v1/auth/password/forgot", "{\"email\":\"" + ANA + "\"}");
    String late = h.lastMailedToken(ANA);
    h.clock.advance(Duration.ofMinutes(31));
    assertThat(
            h.post(
                    "/v1/auth/password/reset",
                    "{\"token\":\"" + late + "\",\"newPassword\":\"yet another passphrase\"}")
                .status())
        .isEqualTo(401);
    assertThat(h.login(ANA, "a brand new passphrase").status()).isEqualTo(200);
  }

  @Test
  void forgotPassword_answersTheSameForAnUnknownAddress_andMailsNothing() {
    ApiResponse response = h.post("/v1/auth/password/forgot", "{\"email\":\"ghost@example.com\"}");

    assertThat(response.status()).isEqualTo(202);
    assertThat(h.mail).isEmpty();
  }

  @Test
  void changePassword_needsTheCurrentOne() {
    h.registerVerified(ANA, PASSWORD);
    String access = json(h.login(ANA, PASSWORD)).path("accessToken").asString();

    ApiResponse wrong =
        h.post(
            "/v1/me/password",
            "{\"currentPassword\":\"not it at all!\",\"newPassword\":\"a brand new passphrase\"}",
            access,
            "1.2.3.4");
    ApiResponse right =
        h.post(
            "/v1/me/password",
            "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"a brand new passphrase\"}",
            access,
            "1.2.3.4");

    assertThat(wrong.status()).isEqualTo(401);
    assertThat(right.status()).isEqualTo(200);
    assertThat(h.login(ANA, PASSWORD).status()).isEqualTo(401);
    assertThat(h.login(ANA, "a brand new passphrase").status()).isEqualTo(200);
  }

  @Test
  void deleteAccount_publishesUserDeleted_freesTheEmail_andTokensStopWorking() {
    h.registerVerified(ANA, PASSWORD);
    JsonNode session = json(h.login(ANA, PASSWORD));
    String access = session.path("accessToken").asString();

    ApiResponse deleted =
        h.post("/v1/me/account/delete", "{\"password\":\"" + PASSWORD + "\"}", access, "1.2.3.4");

    assertThat(deleted.status()).isEqualTo(202);
    assertThat(h.events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo("app.stride.user.v1.deleted");
              assertThat(new String(e.json(), StandardCharsets.UTF_8))
                  .contains("\"homeRegion\":\"eu\"");
            });
    assertThat(h.accounts.pendingDeletions(10)).isEmpty();
    assertThat(h.directory.entries).isEmpty();
    assertThat(h.login(ANA, PASSWORD).status()).isEqualTo(401);
    assertThat(
            h.post("/v1/auth/token/refresh", refresh(session.path("refreshToken").asString()))
                .status())
        .isEqualTo(401);
    h.registerVerified(ANA, PASSWORD);
    assertThat(h.login(ANA, PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void jwks_publishesPublicKeysOnly_withRegionBoundKeyIds() {
    JsonNode jwks = json(h.get("/.well-known/jwks.json", null));

    assertThat(jwks.path("keys").size()).isPositive();
    for (JsonNode key : jwks.path("keys")) {
      assertThat(key.path("kid").asString()).startsWith("eu-");
      assertThat(key.path("alg").asString()).isEqualTo("ES256");
      assertThat(key.has("d")).isFalse();
    }
  }

  @Test
  void nonUtf8AndOversizedBodies_areRefusedWithoutStoringAnything() {
    byte[] latin1 =
        "{\"email\":\"ana@exämple.com\",\"password\":\"correct horse battery\",\"homeRegion\":\"eu\"}"
            .getBytes(StandardCharsets.ISO_8859_1);
    ApiResponse bad =
        h.function.apply(
            new app.stride.core.http.ApiRequest(
                "POST",
                "/v1/auth/register",
                java.util.Map.of(),
                java.util.Map.of("Content-Type", "application/json"),
                latin1,
                "1.2.3.4",
                "r"));
    ApiResponse huge = h.post("/v1/auth/login", "{\"email\":\"" + "a".repeat(20_000) + "\"}");

    assertThat(bad.status()).isEqualTo(400);
    assertThat(huge.status()).isEqualTo(413);
    assertThat(h.mail).isEmpty();
  }

  private static String refresh(String token) {
    return "{\"refreshToken\":\"" + token + "\"}";
  }

  private static String mfa(JsonNode challenge, String code) {
    return "{\"mfaToken\":\""
        + challenge.path("mfaToken").asString()
        + "\",\"code\":\""
        + code
        + "\"}";
  }
}
