package app.stride.bench.auth;

import app.stride.auth.token.AccessTokenIssuer;
import app.stride.auth.token.KeyRing;
import app.stride.core.auth.JwtTokenVerifier;
import app.stride.core.auth.Principal;
import app.stride.core.crypto.NativeCrypto;
import app.stride.core.region.RegionId;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The time of one access-token verification, sampled per call (median and tail in microseconds).
 * The token is a real one: ES256, issued by {@link AccessTokenIssuer} with the CURRENT key of a
 * bootstrapped {@code eu} {@link KeyRing}, as the auth function issues them.
 *
 * <ul>
 *   <li>{@link #strideJwks}: {@code JwtTokenVerifier.forJwks(...).verify}: parsing, {@code typ} and
 *       {@code alg} checks, key selection by {@code kid}, the signature, the claims, the key's
 *       region.
 *   <li>{@link #strideJwksUrl}: the same verifier as the clouds build it ({@code forJwksUrl}), the
 *       JWKS fetched once from a loopback server and then served from nimbus's cache.
 *   <li>{@link #baselineSignatureOnly}: nimbus's {@code ECDSAVerifier.verify} of the same JWS,
 *       already parsed, verifier already built: the ES256 signature check and nothing else, the
 *       floor of any verification.
 * </ul>
 *
 * <p>Each runs twice ({@link #crypto}): on the native provider the functions use ({@code native},
 * Amazon Corretto Crypto Provider, see {@link NativeCrypto}), and on the JDK's providers ({@code
 * jdk}), what a function falls back to where the native library does not load.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Threads(1)
public class TokenVerificationBenchmark {
  static final String ISSUER = "https://auth.eu.stride.app";
  static final String AUDIENCE = "stride-api";
  static final RegionId REGION = RegionId.of("eu");
  static final String USER_ID = "bench-user-0001";
  static final String NATIVE = "native";
  static final String JDK = "jdk";

  /** Which provider checks the signatures: {@value #NATIVE} (as deployed) or {@value #JDK}. */
  @Param({NATIVE, JDK})
  String crypto = NATIVE;

  private final Clock clock = Clock.systemUTC();
  private AccessTokenIssuer issuer;
  private KeyRing ring;
  private HttpServer jwksServer;

  JwtTokenVerifier verifier;
  JwtTokenVerifier urlVerifier;
  ECDSAVerifier signatureVerifier;
  String token;
  JWSObject parsedToken;

  /** The ring, the issuer, the verifiers, and a loopback server publishing the ring's JWKS. */
  @Setup(Level.Trial)
  public void buildKeysAndVerifiers() throws JOSEException, IOException {
    ring = KeyRing.bootstrap(REGION, clock.instant());
    issuer = new AccessTokenIssuer(ISSUER, AUDIENCE, Duration.ofMinutes(15), clock);
    Optional<Provider> provider = provider();
    verifier = JwtTokenVerifier.forJwks(ring.publicJwks(), ISSUER, AUDIENCE, clock, provider);
    signatureVerifier = new ECDSAVerifier(ring.signingKey().publicJwk());
    provider.ifPresent(p -> signatureVerifier.getJCAContext().setProvider(p));

    byte[] jwks = ring.publicJwks().toString().getBytes(StandardCharsets.UTF_8);
    jwksServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    jwksServer.createContext(
        "/.well-known/jwks.json",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, jwks.length);
          try (OutputStream body = exchange.getResponseBody()) {
            body.write(jwks);
          }
        });
    jwksServer.start();
    URI jwksUrl =
        URI.create(
            "http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/.well-known/jwks.json");
    urlVerifier = JwtTokenVerifier.forJwksUrl(jwksUrl, ISSUER, AUDIENCE, clock, provider);
  }

  /** The native provider for {@value #NATIVE}, which must load here; none for {@value #JDK}. */
  private Optional<Provider> provider() {
    if (crypto.equals(JDK)) {
      return Optional.empty();
    }
    NativeCrypto.Status status = NativeCrypto.status();
    if (status.provider().isEmpty()) {
      throw new IllegalStateException("native crypto unavailable here: " + status.detail());
    }
    return status.provider();
  }

  /** A fresh 15-minute token per iteration, so that no run outlives its token. */
  @Setup(Level.Iteration)
  public void mintToken() throws ParseException {
    token = issuer.issue(ring, USER_ID, Set.of("stride"), List.of("pwd")).token();
    parsedToken = JWSObject.parse(token);
  }

  @TearDown(Level.Trial)
  public void stopJwksServer() {
    jwksServer.stop(0);
  }

  /** Stride's verification, keys given inline. */
  @Benchmark
  public Principal strideJwks() {
    return verifier.verify(token);
  }

  /** Stride's verification as deployed: keys from the issuer's JWKS URL, cached. */
  @Benchmark
  public Principal strideJwksUrl() {
    return urlVerifier.verify(token);
  }

  /** The floor: the ES256 signature of the same token, nothing else. */
  @Benchmark
  public boolean baselineSignatureOnly() throws JOSEException {
    return signatureVerifier.verify(
        parsedToken.getHeader(), parsedToken.getSigningInput(), parsedToken.getSignature());
  }
}
