package app.stride.auth.social;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.util.Map;

/**
 * The part of a provider's OpenID Connect discovery document that verification needs. Pure: parses
 * and checks text fetched elsewhere.
 *
 * @param jwksUri where the provider publishes its signing keys
 */
record OidcDiscovery(URI jwksUri) {

  /**
   * Reads a discovery document, which must name exactly the expected issuer (OIDC Discovery 4.3)
   * and an absolute {@code jwks_uri}, over https when the issuer is https.
   *
   * @throws ProviderFetchException when the document is unusable
   */
  static OidcDiscovery parse(String json, URI expectedIssuer) {
    Map<String, Object> document;
    try {
      document = JSONObjectUtils.parse(json);
    } catch (ParseException e) {
      throw new ProviderFetchException("the discovery document is not JSON");
    }
    if (!expectedIssuer.toString().equals(document.get("issuer"))) {
      throw new ProviderFetchException("the discovery document names another issuer");
    }
    if (!(document.get("jwks_uri") instanceof String jwks)) {
      throw new ProviderFetchException("the discovery document has no jwks_uri");
    }
    URI jwksUri;
    try {
      jwksUri = new URI(jwks);
    } catch (URISyntaxException e) {
      throw new ProviderFetchException("the discovery document has a malformed jwks_uri");
    }
    boolean https = "https".equals(jwksUri.getScheme());
    boolean httpAllowed =
        "http".equals(expectedIssuer.getScheme()) && "http".equals(jwksUri.getScheme());
    if (jwksUri.getHost() == null || !(https || httpAllowed)) {
      throw new ProviderFetchException("the discovery document has an unacceptable jwks_uri");
    }
    return new OidcDiscovery(jwksUri);
  }
}
