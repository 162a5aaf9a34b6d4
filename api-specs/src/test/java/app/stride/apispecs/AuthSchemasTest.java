package app.stride.apispecs;

import static app.stride.apispecs.SpecSchemas.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Deliberately bad auth payloads are refused by the mobile API's schemas; good ones pass. */
class AuthSchemasTest {

  private static final SpecSchemas SCHEMAS = new SpecSchemas();
  private static final String TOKEN = "eu.pUufP_zrWofnyUdKOkKBYB8-KQVsUeWI4m0uAoYWFDo";

  private static List<Error> body(String path, String json) {
    String pointer =
        "/paths/"
            + SpecDocuments.escape(path)
            + "/post/requestBody/content/application~1json/schema";
    return SCHEMAS.validate(SpecDocuments.MOBILE_API, pointer, json(json));
  }

  private static List<Error> register(String json) {
    return body("/v1/auth/register", json);
  }

  private static List<Error> verifyMfa(String code) {
    return body(
        "/v1/auth/mfa/verify", "{\"mfaToken\":\"" + TOKEN + "\",\"code\":\"" + code + "\"}");
  }

  private static List<Error> component(String name, String json) {
    return SCHEMAS.component(name).validate(json(json));
  }

  @Test
  void register_acceptsEmailPasswordRegionAndLocale() {
    assertThat(
            register(
                "{\"email\":\"ana@example.com\",\"password\":\"correct horse battery staple\","
                    + "\"homeRegion\":\"eu\",\"locale\":\"de-DE\"}"))
        .isEmpty();
  }

  @Test
  void register_rejectsMissingPassword() {
    assertThat(register("{\"email\":\"ana@example.com\",\"homeRegion\":\"eu\"}"))
        .extracting(Error::getKeyword)
        .contains("required");
  }

  @Test
  void register_rejectsUnknownField() {
    assertThat(
            register(
                "{\"email\":\"ana@example.com\",\"password\":\"correct horse battery staple\","
                    + "\"homeRegion\":\"eu\",\"isAdmin\":true}"))
        .extracting(Error::getKeyword)
        .contains("additionalProperties");
  }

  @ParameterizedTest
  @ValueSource(strings = {"EU", "e", "eu_central", "eu.central", "a-region-id-longer-than-16"})
  void register_rejectsBadHomeRegion(String region) {
    assertThat(
            register(
                "{\"email\":\"ana@example.com\",\"password\":\"correct horse battery staple\","
                    + "\"homeRegion\":\""
                    + region
                    + "\"}"))
        .isNotEmpty();
  }

  @Test
  void register_rejectsBadLocale() {
    assertThat(
            register(
                "{\"email\":\"ana@example.com\",\"password\":\"correct horse battery staple\","
                    + "\"homeRegion\":\"eu\",\"locale\":\"german\"}"))
        .isNotEmpty();
  }

  @Test
  void passwords_areBoundedTo1024CharactersButNotJudgedByTheSchema() {
    String prefix = "{\"email\":\"a@b.c\",\"homeRegion\":\"us\",\"password\":\"";

    assertThat(register(prefix + "short\"}"))
        .as("the policy, not the schema, says too short")
        .isEmpty();
    assertThat(register(prefix + "x".repeat(1024) + "\"}")).isEmpty();
    assertThat(register(prefix + "x".repeat(1025) + "\"}"))
        .extracting(Error::getKeyword)
        .contains("maxLength");
    assertThat(register(prefix + "\"}")).extracting(Error::getKeyword).contains("minLength");
  }

  @Test
  void emails_areBoundedTo254Characters() {
    String local = "a".repeat(64);
    String domain = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);

    assertThat(body("/v1/auth/password/forgot", "{\"email\":\"" + local + "@" + domain + "\"}"))
        .isEmpty();
    assertThat(body("/v1/auth/password/forgot", "{\"email\":\"" + local + "@" + domain + "d\"}"))
        .extracting(Error::getKeyword)
        .contains("maxLength");
  }

  @Test
  void verifyMfa_acceptsATotpCodeOrARecoveryCode() {
    assertThat(verifyMfa("492039")).isEmpty();
    assertThat(verifyMfa("k7qm-3xtd-9bfw")).isEmpty();
    assertThat(verifyMfa("K7QM 3XTD 9BFW")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"49203", "4920391", "49203a", "", "k7qm_3xtd_9bfw", "ABCDEFGHJK0123456789ABCDE"})
  void verifyMfa_rejectsCodesOfNeitherForm(String code) {
    assertThat(verifyMfa(code)).isNotEmpty();
  }

  @Test
  void verifyMfa_rejectsAChallengeTokenWithoutRegionPrefix() {
    assertThat(
            body(
                "/v1/auth/mfa/verify",
                "{\"mfaToken\":\"qbaMnplL2FfKCMvjFJbib\",\"code\":\"492039\"}"))
        .isNotEmpty();
    assertThat(
            body(
                "/v1/auth/mfa/verify",
                "{\"mfaToken\":\"eu." + "A".repeat(510) + "\",\"code\":\"492039\"}"))
        .extracting(Error::getKeyword)
        .contains("maxLength");
  }

  @Test
  void confirmTotp_takesOnlyATotpCode() {
    assertThat(body("/v1/me/mfa/totp/confirm", "{\"code\":\"492039\"}")).isEmpty();
    assertThat(body("/v1/me/mfa/totp/confirm", "{\"code\":\"k7qm-3xtd-9bfw\"}")).isNotEmpty();
  }

  @Test
  void disableTotp_needsAtLeastOneProof() {
    assertThat(body("/v1/me/mfa/totp/disable", "{}"))
        .extracting(Error::getKeyword)
        .contains("minProperties");
    assertThat(body("/v1/me/mfa/totp/disable", "{\"code\":\"492039\"}")).isEmpty();
    assertThat(body("/v1/me/mfa/totp/disable", "{\"password\":\"pw\",\"code\":\"12\"}"))
        .isNotEmpty();
  }

  @Test
  void startTotpSetupAndDeletion_acceptAnEmptyBodyForSocialOnlyAccounts() {
    assertThat(body("/v1/me/mfa/totp", "{}")).isEmpty();
    assertThat(body("/v1/me/account/delete", "{}")).isEmpty();
    assertThat(body("/v1/me/account/delete", "{\"confirm\":true}")).isNotEmpty();
  }

  @Test
  void socialSignIn_boundsTheIdTokenAndTheNonce() {
    String jws = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln";
    String ok = "{\"idToken\":\"" + jws + "\",\"nonce\":\"n-0S6_WzA2Mj\"}";

    assertThat(body("/v1/auth/social/{provider}", ok)).isEmpty();
    assertThat(body("/v1/auth/social/{provider}", ok.replace("n-0S6_WzA2Mj", "short")))
        .isNotEmpty();
    assertThat(body("/v1/auth/social/{provider}", ok.replace(jws, "not-a-jws"))).isNotEmpty();
    String huge = "a".repeat(4096) + "." + "b".repeat(4096) + ".c";
    assertThat(body("/v1/auth/social/{provider}", ok.replace(jws, huge)))
        .extracting(Error::getKeyword)
        .contains("maxLength");
  }

  @Test
  void signInResult_isExactlyOneOfTokensAndChallenge() {
    String tokens =
        "{\"tokenType\":\"Bearer\",\"accessToken\":\"a.b.c\",\"expiresIn\":900,"
            + "\"refreshToken\":\""
            + TOKEN
            + "\",\"homeRegion\":\"eu\"}";
    String challenge =
        "{\"mfaRequired\":true,\"mfaToken\":\"" + TOKEN + "\",\"methods\":[\"totp\"]}";
    String both = tokens.substring(0, tokens.length() - 1) + "," + challenge.substring(1);

    assertThat(component("SignInResult", tokens)).isEmpty();
    assertThat(component("SignInResult", challenge)).isEmpty();
    assertThat(component("SignInResult", both)).isNotEmpty();
    assertThat(component("MfaChallenge", challenge.replace("true", "false"))).isNotEmpty();
  }

  @Test
  void recoveryCodes_areExactlyTenDistinctCodes() {
    String nine =
        "\"AAAA-BBBB-0001\",\"AAAA-BBBB-0002\",\"AAAA-BBBB-0003\",\"AAAA-BBBB-0004\","
            + "\"AAAA-BBBB-0005\",\"AAAA-BBBB-0006\",\"AAAA-BBBB-0007\",\"AAAA-BBBB-0008\","
            + "\"AAAA-BBBB-0009\"";

    assertThat(component("RecoveryCodes", "{\"recoveryCodes\":[" + nine + "]}")).isNotEmpty();
    assertThat(component("RecoveryCodes", "{\"recoveryCodes\":[" + nine + ",\"AAAA-BBBB-0010\"]}"))
        .isEmpty();
    assertThat(component("RecoveryCodes", "{\"recoveryCodes\":[" + nine + ",\"AAAA-BBBB-0009\"]}"))
        .extracting(Error::getKeyword)
        .contains("uniqueItems");
  }

  @Test
  void jwk_refusesAPrivateKeyMember() {
    String jwk =
        "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"9uH1wo_XR1CwzcNLUbQjN1Lbc_tNm-yKtBsbXn9guPk\","
            + "\"y\":\"XK05zeqdjn7vwMDn6ocrRTF72DQEIWFzU7hRtwzCm-M\","
            + "\"kid\":\"eu-20260301-1a2b3c4d\",\"use\":\"sig\",\"alg\":\"ES256\"";

    assertThat(component("Jwk", jwk + "}")).isEmpty();
    assertThat(component("Jwk", jwk + ",\"d\":\"c2VjcmV0\"}")).isNotEmpty();
    assertThat(component("Jwk", jwk.replace("ES256", "HS256") + "}")).isNotEmpty();
  }

  @Test
  void weakPasswordProblem_requiresAKnownReason_andOnlyThatProblemHasOne() {
    String weak =
        "{\"type\":\"https://stride.app/problems/weak-password\",\"title\":\"Weak\",\"status\":400";
    String internal =
        "{\"type\":\"https://stride.app/problems/internal\",\"title\":\"Internal\",\"status\":500";

    assertThat(component("Problem", weak + ",\"reason\":\"contains-email\"}")).isEmpty();
    assertThat(component("Problem", weak + "}")).isNotEmpty();
    assertThat(component("Problem", weak + ",\"reason\":\"too-simple\"}")).isNotEmpty();
    assertThat(component("Problem", internal + ",\"reason\":\"common\"}")).isNotEmpty();
  }

  @Test
  void devMail_requiresTheRecipientAddress() {
    JsonNode parameter =
        SpecDocuments.load(SpecDocuments.LOCAL_DEV).at("/paths/~1dev~1mail/get/parameters/0");

    assertThat(parameter.path("name").asString()).isEqualTo("to");
    assertThat(parameter.path("in").asString()).isEqualTo("query");
    assertThat(parameter.path("required").asBoolean()).isTrue();
    assertThat(
            SCHEMAS.validate(
                SpecDocuments.LOCAL_DEV,
                "/components/schemas/DevMailMessage",
                json(
                    "{\"to\":\"a@b.c\",\"subject\":\"s\",\"text\":\"t\","
                        + "\"links\":[\"not a uri\"],\"receivedAt\":\"2026-03-14T07:40:02Z\"}")))
        .isNotEmpty();
  }
}
