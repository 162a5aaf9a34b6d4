package app.stride.auth.social;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A local OpenID Connect issuer on WireMock: serves a discovery document and a JWKS of RSA keys the
 * test generates, signs ID tokens with them, and can be made to fail.
 */
final class OidcTestIssuer {
  static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
  static final String JWKS_PATH = "/oauth2/v3/certs";

  private final WireMockServer server;

  private OidcTestIssuer(WireMockServer server) {
    this.server = server;
  }

  private static OidcTestIssuer shared;
  private static final RSAKey[] KEY_PAIRS = new RSAKey[3];

  /**
   * The issuer every test class of this package uses: started once per JVM on a free loopback port
   * (WireMock takes seconds to start on a loaded machine) and stopped when the JVM exits. Test
   * classes run one after another and {@link #reset()} it before each test.
   */
  static synchronized OidcTestIssuer shared() {
    if (shared == null) {
      WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "oidc-test-issuer-stop"));
      shared = new OidcTestIssuer(server);
      shared.warmUp();
    }
    return shared;
  }

  /**
   * A 2048-bit RSA signing key with the given kid. Different {@code keyPair} numbers (0 to 2) are
   * different keys; each pair is generated once per JVM.
   */
  static synchronized RSAKey key(int keyPair, String kid) {
    if (KEY_PAIRS[keyPair] == null) {
      try {
        KEY_PAIRS[keyPair] = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).generate();
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
    }
    return new RSAKey.Builder(KEY_PAIRS[keyPair]).keyID(kid).build();
  }

  /**
   * The production settings with a generous fetch timeout, so a loaded build machine cannot turn a
   * slow loopback answer into a failure; timeout tests set their own.
   */
  static OidcVerifierSettings settings() {
    return OidcVerifierSettings.defaults().withHttpTimeout(Duration.ofSeconds(10));
  }

  /** Pays WireMock's first-request cost before the tests measure or time anything. */
  private void warmUp() {
    try {
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(issuer() + "/__warm-up")).build(),
              HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    server.resetAll();
  }

  /** The issuer identifier, e.g. {@code http://127.0.0.1:54321}. */
  URI issuer() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /** Forgets stubs and the request journal. */
  void reset() {
    server.resetAll();
  }

  /** Serves a discovery document naming this issuer and a JWKS of the keys' public parts. */
  void publish(RSAKey... keys) {
    publishDiscovery(issuer().toString());
    List<JWK> publicKeys = Arrays.stream(keys).map(k -> (JWK) k.toPublicJWK()).toList();
    server.stubFor(
        get(urlEqualTo(JWKS_PATH)).willReturn(okJson(new JWKSet(publicKeys).toString())));
  }

  /** Serves a discovery document that names the given issuer. */
  void publishDiscovery(String namedIssuer) {
    server.stubFor(get(urlEqualTo(DISCOVERY_PATH)).willReturn(okJson(discovery(namedIssuer))));
  }

  /** Both documents answer with this HTTP status. */
  void failWithStatus(int status) {
    failWith(aResponse().withStatus(status).withBody("{\"error\":\"down\"}"));
  }

  /** Both documents answer with this network fault. */
  void failWithFault(Fault fault) {
    failWith(aResponse().withFault(fault));
  }

  /** Serves the keys, but the discovery document only after a delay. */
  void answerSlowly(Duration delay, RSAKey... keys) {
    publish(keys);
    server.stubFor(
        get(urlEqualTo(DISCOVERY_PATH))
            .willReturn(
                okJson(discovery(issuer().toString())).withFixedDelay((int) delay.toMillis())));
  }

  private String discovery(String namedIssuer) {
    return JSONObjectUtils.toJSONString(
        Map.of(
            "issuer",
            namedIssuer,
            "jwks_uri",
            issuer() + JWKS_PATH,
            "id_token_signing_alg_values_supported",
            List.of("RS256")));
  }

  /** Serves the discovery document and this text as the JWKS. */
  void publishJwksBody(String body) {
    publishDiscovery(issuer().toString());
    server.stubFor(get(urlEqualTo(JWKS_PATH)).willReturn(okJson(body)));
  }

  private void failWith(ResponseDefinitionBuilder response) {
    server.stubFor(get(urlEqualTo(DISCOVERY_PATH)).willReturn(response));
    server.stubFor(get(urlEqualTo(JWKS_PATH)).willReturn(response));
  }

  int discoveryRequests() {
    return server
        .countRequestsMatching(getRequestedFor(urlEqualTo(DISCOVERY_PATH)).build())
        .getCount();
  }

  int jwksRequests() {
    return server.countRequestsMatching(getRequestedFor(urlEqualTo(JWKS_PATH)).build()).getCount();
  }

  /**
   * Claims of a genuine ID token for {@code audience}, issued now, valid for an hour, with the
   * given nonce claim and a verified email.
   */
  JWTClaimsSet.Builder claims(String audience, Instant now, String nonceClaim) {
    return new JWTClaimsSet.Builder()
        .issuer(issuer().toString())
        .audience(audience)
        .subject("110169484474386276334")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
        .claim("nonce", nonceClaim)
        .claim("email", "Runner@Example.com")
        .claim("email_verified", true);
  }

  /** An RS256 compact JWS of the claims, with the key's kid. */
  static String sign(RSAKey key, JWTClaimsSet claims) {
    return sign(
        key,
        new JWSHeader.Builder(JWSAlgorithm.RS256)
            .keyID(key.getKeyID())
            .type(JOSEObjectType.JWT)
            .build(),
        claims);
  }

  /** A compact JWS of the claims with the given header, signed with the key. */
  static String sign(RSAKey key, JWSHeader header, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(header, claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
