package app.stride.auth.adapter.in.http;

import app.stride.auth.application.service.AuthServices;
import app.stride.auth.application.service.SignInResult;
import app.stride.auth.application.service.TokenPair;
import app.stride.auth.application.service.TwoFactor;
import app.stride.auth.domain.Account;
import app.stride.auth.domain.SocialLink;
import app.stride.auth.domain.UserId;
import app.stride.auth.social.SocialProvider;
import app.stride.core.auth.Principal;
import app.stride.core.function.ApiCall;
import app.stride.core.function.ApiFunction;
import app.stride.core.http.ApiResponse;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The auth operations of the mobile API, one method each: decode the schema-valid body, call one
 * use case, encode. Token answers are never cached ({@code Cache-Control: no-store}).
 */
public final class AuthHttpHandlers {
  private static final String NO_STORE = "no-store";

  private final AuthServices auth;
  private final ResidencyGuard guard;

  public AuthHttpHandlers(AuthServices auth, ResidencyGuard guard) {
    this.auth = auth;
    this.guard = guard;
  }

  /** Adds the handlers to a function builder. */
  public ApiFunction.Builder register(ApiFunction.Builder builder) {
    return builder
        .on("registerAccount", this::register)
        .on("verifyEmail", this::verifyEmail)
        .on("login", this::login)
        .on("verifyMfa", this::verifyMfa)
        .on("socialSignIn", this::social)
        .on("refreshTokens", this::refresh)
        .on("logout", this::logout)
        .on("logoutAll", this::logoutAll)
        .on("getJwks", this::jwks)
        .on("forgotPassword", this::forgot)
        .on("resetPassword", this::reset)
        .on("changePassword", this::changePassword)
        .on("startTotpSetup", this::startTotp)
        .on("confirmTotp", this::confirmTotp)
        .on("disableTotp", this::disableTotp)
        .on("getMyAccount", this::account)
        .on("deleteMyAccount", this::deleteAccount);
  }

  ApiResponse register(ApiCall call) {
    JsonNode body = call.body();
    auth.registration()
        .register(
            text(body, "email"),
            text(body, "password"),
            RegionId.of(text(body, "homeRegion")),
            locale(body));
    return noStore(202, Map.of("status", "verification-sent"));
  }

  ApiResponse verifyEmail(ApiCall call) {
    auth.registration().verifyEmail(text(call.body(), "token"));
    return ApiResponse.empty(204);
  }

  ApiResponse login(ApiCall call) {
    SignInResult result =
        auth.passwordSignIn()
            .login(text(call.body(), "email"), text(call.body(), "password"), ip(call));
    return signIn(result);
  }

  ApiResponse verifyMfa(ApiCall call) {
    TokenPair tokens =
        auth.passwordSignIn()
            .verifySecondFactor(text(call.body(), "mfaToken"), text(call.body(), "code"), ip(call));
    return tokens(200, tokens);
  }

  ApiResponse social(ApiCall call) {
    String path = call.request().path();
    SocialProvider provider =
        SocialProvider.valueOf(path.substring(path.lastIndexOf('/') + 1).toUpperCase(Locale.ROOT));
    JsonNode body = call.body();
    SignInResult result =
        auth.socialSignIn()
            .signIn(
                provider,
                text(body, "idToken"),
                text(body, "nonce"),
                optional(body, "homeRegion").map(RegionId::of),
                locale(body));
    return signIn(result);
  }

  ApiResponse refresh(ApiCall call) {
    return tokens(200, auth.sessions().refresh(text(call.body(), "refreshToken")));
  }

  ApiResponse logout(ApiCall call) {
    auth.sessions().logout(text(call.body(), "refreshToken"));
    return ApiResponse.empty(204);
  }

  ApiResponse logoutAll(ApiCall call) {
    Account account = mine(call);
    auth.sessions().endAll(account);
    return ApiResponse.empty(204);
  }

  ApiResponse jwks(ApiCall call) {
    return ApiResponse.json(200, auth.signingKeys().current().publicJwks().toJSONObject(true))
        .withHeader("Cache-Control", "public, max-age=300");
  }

  ApiResponse forgot(ApiCall call) {
    auth.passwords().forgot(text(call.body(), "email"));
    return noStore(202, Map.of("status", "reset-sent-if-registered"));
  }

  ApiResponse reset(ApiCall call) {
    auth.passwords().reset(text(call.body(), "token"), text(call.body(), "newPassword"), ip(call));
    return ApiResponse.empty(204);
  }

  ApiResponse changePassword(ApiCall call) {
    TokenPair tokens =
        auth.passwords()
            .change(
                me(call),
                text(call.body(), "currentPassword"),
                text(call.body(), "newPassword"),
                ip(call));
    return tokens(200, tokens);
  }

  ApiResponse startTotp(ApiCall call) {
    TwoFactor.Setup setup =
        auth.twoFactor().start(me(call), optional(call.body(), "password").orElse(null), ip(call));
    return noStore(200, Map.of("secret", setup.secret(), "otpauthUri", setup.otpauthUri()));
  }

  ApiResponse confirmTotp(ApiCall call) {
    List<String> codes = auth.twoFactor().confirm(me(call), text(call.body(), "code"));
    return noStore(200, Map.of("recoveryCodes", codes));
  }

  ApiResponse disableTotp(ApiCall call) {
    auth.twoFactor()
        .disable(
            me(call),
            optional(call.body(), "password").orElse(null),
            optional(call.body(), "code").orElse(null),
            ip(call));
    return ApiResponse.empty(204);
  }

  ApiResponse account(ApiCall call) {
    Account account = mine(call);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("userId", account.id().value());
    body.put("email", account.email());
    body.put("emailVerified", account.emailVerified());
    body.put("homeRegion", account.home().value());
    body.put("mfaEnabled", account.mfa().enabled());
    body.put("recoveryCodesLeft", account.mfa().recoveryCodeHashes().size());
    body.put("socialProviders", account.socialLinks().stream().map(SocialLink::provider).toList());
    body.put("createdAt", account.createdAt().toString());
    return noStore(200, body);
  }

  ApiResponse deleteAccount(ApiCall call) {
    auth.deletion().delete(me(call), optional(call.body(), "password").orElse(null), ip(call));
    return noStore(202, Map.of("status", "deletion-started"));
  }

  private ApiResponse signIn(SignInResult result) {
    if (result instanceof SignInResult.MfaRequired mfa) {
      return noStore(
          200,
          Map.of(
              "mfaRequired", true,
              "mfaToken", mfa.mfaToken(),
              "methods", List.of("totp", "recovery-code")));
    }
    SignInResult.SignedIn signedIn = (SignInResult.SignedIn) result;
    return tokens(signedIn.created() ? 201 : 200, signedIn.tokens());
  }

  private static ApiResponse tokens(int status, TokenPair tokens) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("tokenType", "Bearer");
    body.put("accessToken", tokens.accessToken());
    body.put("expiresIn", tokens.expiresInSeconds());
    body.put("refreshToken", tokens.refreshToken());
    body.put("homeRegion", tokens.homeRegion().value());
    return noStore(status, body);
  }

  private static ApiResponse noStore(int status, Object body) {
    return ApiResponse.json(status, body)
        .withHeader("Cache-Control", NO_STORE)
        .withHeader("Pragma", "no-cache");
  }

  private UserId me(ApiCall call) {
    Principal caller = call.caller();
    guard.requireHome(caller.homeRegion());
    return new UserId(caller.userId());
  }

  private Account mine(ApiCall call) {
    UserId id = me(call);
    return auth.account(id);
  }

  private static String ip(ApiCall call) {
    String ip = call.request().sourceIp();
    return ip == null || ip.isBlank() ? "unknown" : ip;
  }

  private static String text(JsonNode body, String field) {
    return body != null && body.hasNonNull(field) ? body.get(field).asString() : null;
  }

  private static Optional<String> optional(JsonNode body, String field) {
    return Optional.ofNullable(text(body, field));
  }

  private static Locale locale(JsonNode body) {
    return optional(body, "locale").map(Locale::forLanguageTag).orElse(Locale.ENGLISH);
  }
}
