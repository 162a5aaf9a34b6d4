package app.stride.devices.connection;

import app.stride.devices.domain.Provider;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One provider's OAuth 2.0 endpoints and conventions.
 *
 * @param provider the provider
 * @param authorizeUrl where the user is sent to grant access
 * @param tokenUrl where codes and refresh tokens are exchanged (form-encoded POST, JSON answer)
 * @param scopes the scopes we ask for (possibly none: Garmin grants per-app permissions)
 * @param scopeSeparator how scopes are joined ({@code " "} per RFC 6749; Strava uses {@code ","})
 * @param pkce whether we send a PKCE S256 challenge
 * @param clientAuthentication how the client authenticates at the token endpoint
 * @param extraAuthorizeParameters further authorize parameters (e.g. Strava's {@code
 *     approval_prompt})
 * @param userIdField the dotted path of the provider user id in the token answer, or {@code null}
 *     when the answer carries none (a separate API call gives it)
 * @param verified whether the values were checked against the provider's published documentation
 *     (see {@code docs/devices-webhooks.md}); unverified ones must be checked before go-live
 */
public record ProviderEndpoints(
    Provider provider,
    URI authorizeUrl,
    URI tokenUrl,
    List<String> scopes,
    String scopeSeparator,
    boolean pkce,
    ClientAuthentication clientAuthentication,
    Map<String, String> extraAuthorizeParameters,
    String userIdField,
    boolean verified) {

  public ProviderEndpoints {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(authorizeUrl, "authorizeUrl");
    Objects.requireNonNull(tokenUrl, "tokenUrl");
    Objects.requireNonNull(clientAuthentication, "clientAuthentication");
    scopes = List.copyOf(scopes);
    extraAuthorizeParameters = Map.copyOf(extraAuthorizeParameters);
    Objects.requireNonNull(scopeSeparator, "scopeSeparator");
  }

  /** The same endpoints with another token URL (a local stand-in such as WireMock). */
  public ProviderEndpoints withTokenUrl(URI value) {
    return new ProviderEndpoints(
        provider,
        authorizeUrl,
        value,
        scopes,
        scopeSeparator,
        pkce,
        clientAuthentication,
        extraAuthorizeParameters,
        userIdField,
        verified);
  }

  /** The scope parameter value, or an empty string when there are no scopes. */
  public String scopeParameter() {
    return String.join(scopeSeparator, scopes);
  }
}
