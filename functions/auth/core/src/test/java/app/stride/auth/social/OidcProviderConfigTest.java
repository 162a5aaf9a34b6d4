package app.stride.auth.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OidcProviderConfigTest {

  @Test
  void google_pinsRs256_onGooglesIssuer_withRawNonce() {
    OidcProviderConfig google = OidcProviderConfig.google(Set.of("web-client"));

    assertThat(google.issuer()).isEqualTo(URI.create("https://accounts.google.com"));
    assertThat(google.algorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(google.nonceIsSha256()).isFalse();
    assertThat(google.discoveryUri())
        .isEqualTo(URI.create("https://accounts.google.com/.well-known/openid-configuration"));
  }

  @Test
  void apple_pinsRs256_onApplesIssuer_withHashedNonce() {
    OidcProviderConfig apple = OidcProviderConfig.apple(Set.of("app.stride.ios"));

    assertThat(apple.issuer()).isEqualTo(URI.create("https://appleid.apple.com"));
    assertThat(apple.algorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(apple.nonceIsSha256()).isTrue();
  }

  @Test
  void config_refusesSymmetricOrNoAlgorithm() {
    URI issuer = URI.create("https://accounts.google.com");

    assertThatThrownBy(() -> new OidcProviderConfig(issuer, Set.of("c"), JWSAlgorithm.HS256, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new OidcProviderConfig(issuer, Set.of("c"), new JWSAlgorithm("none"), false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void config_refusesNoClientIds_andNonHttpIssuers() {
    assertThatThrownBy(() -> OidcProviderConfig.google(Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OidcProviderConfig.google(Set.of(" ")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                OidcProviderConfig.google(Set.of("c"))
                    .withIssuer(URI.create("file:///etc/openid-configuration")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void discoveryUri_doesNotDoubleTheSlash() {
    OidcProviderConfig config =
        OidcProviderConfig.google(Set.of("c")).withIssuer(URI.create("http://127.0.0.1:8080/"));

    assertThat(config.discoveryUri())
        .isEqualTo(URI.create("http://127.0.0.1:8080/.well-known/openid-configuration"));
  }
}
