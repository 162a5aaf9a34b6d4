package app.stride.bench.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.auth.Principal;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import java.io.IOException;
import java.text.ParseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenVerificationBenchmarkTest {
  private final TokenVerificationBenchmark bench = new TokenVerificationBenchmark();

  @BeforeEach
  void setUp() throws JOSEException, IOException, ParseException {
    bench.buildKeysAndVerifiers();
    bench.mintToken();
  }

  @AfterEach
  void tearDown() {
    bench.stopJwksServer();
  }

  @Test
  void mintedToken_isAnEs256AccessTokenOfTheEuRing() {
    JWSObject jws = bench.parsedToken;

    assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(jws.getHeader().getType().getType()).isEqualTo("at+jwt");
    assertThat(jws.getHeader().getKeyID()).startsWith("eu-");
  }

  @Test
  void strideVerifiers_acceptTheToken_inlineAndFromTheJwksUrl() {
    Principal inline = bench.strideJwks();
    Principal fromUrl = bench.strideJwksUrl();

    for (Principal caller : new Principal[] {inline, fromUrl}) {
      assertThat(caller.userId()).isEqualTo(TokenVerificationBenchmark.USER_ID);
      assertThat(caller.homeRegion()).isEqualTo(TokenVerificationBenchmark.REGION);
      assertThat(caller.scopes()).containsExactly("stride");
    }
  }

  @Test
  void nativeSide_checksSignaturesOnAccp_andTheJdkSideOnTheJdksProviders()
      throws JOSEException, IOException, ParseException {
    TokenVerificationBenchmark jdk = new TokenVerificationBenchmark();
    jdk.crypto = TokenVerificationBenchmark.JDK;
    jdk.buildKeysAndVerifiers();
    jdk.mintToken();
    try {
      assertThat(bench.verifier.signatureProvider()).isEqualTo("AmazonCorrettoCryptoProvider");
      assertThat(bench.urlVerifier.signatureProvider()).isEqualTo("AmazonCorrettoCryptoProvider");
      assertThat(bench.signatureVerifier.getJCAContext().getProvider().getName())
          .isEqualTo("AmazonCorrettoCryptoProvider");
      assertThat(jdk.verifier.signatureProvider()).isEqualTo("JDK");
      assertThat(jdk.urlVerifier.signatureProvider()).isEqualTo("JDK");
      assertThat(jdk.signatureVerifier.getJCAContext().getProvider()).isNull();
      assertThat(jdk.strideJwks().userId()).isEqualTo(TokenVerificationBenchmark.USER_ID);
      assertThat(jdk.baselineSignatureOnly()).isTrue();
    } finally {
      jdk.stopJwksServer();
    }
  }

  @Test
  void signatureBaseline_acceptsTheToken_andRefusesAnotherTokensSignature()
      throws JOSEException, ParseException {
    JWSObject other =
        JWSObject.parse(
            bench.parsedToken.getParsedParts()[0].toString()
                + "."
                + bench.parsedToken.getParsedParts()[1].toString()
                + "."
                + otherSignature());

    assertThat(bench.baselineSignatureOnly()).isTrue();
    assertThat(
            bench.signatureVerifier.verify(
                other.getHeader(), other.getSigningInput(), other.getSignature()))
        .isFalse();
  }

  /** The signature of a second token of the same key: valid ES256, wrong content. */
  private String otherSignature() throws ParseException {
    String first = bench.token;
    bench.mintToken();
    String signature = bench.parsedToken.getParsedParts()[2].toString();
    bench.token = first;
    bench.parsedToken = JWSObject.parse(first);
    return signature;
  }
}
