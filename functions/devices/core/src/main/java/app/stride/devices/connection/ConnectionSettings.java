package app.stride.devices.connection;

import app.stride.devices.domain.Provider;
import java.net.URI;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The providers a region offers connections to, with our OAuth client at each, from the function's
 * environment:
 *
 * <ul>
 *   <li>{@code STRIDE_OAUTH_STATE_KEY}: base64 of at least 32 random bytes, the key that signs
 *       {@code state} values; without it no provider is offered.
 *   <li>{@code STRIDE_OAUTH_REDIRECT_URI}: where providers send the user back (the mobile app's
 *       link; the app then posts the code and state to us).
 *   <li>{@code STRIDE_OAUTH_<PROVIDER>_CLIENT_ID} and {@code _CLIENT_SECRET}: a provider is offered
 *       only when both are set.
 *   <li>{@code STRIDE_OAUTH_<PROVIDER>_AUTHORIZE_URL} and {@code _TOKEN_URL}: override the
 *       catalog's endpoints (the local platform and tests point them at stubs).
 * </ul>
 *
 * In the clouds the deployment fills these from the region's secret store; each region registers
 * its own client with each provider.
 */
public final class ConnectionSettings {
  private final Map<Provider, ProviderEndpoints> endpoints;
  private final Map<Provider, ClientCredentials> clients;
  private final Secret stateKey;

  private ConnectionSettings(
      Map<Provider, ProviderEndpoints> endpoints,
      Map<Provider, ClientCredentials> clients,
      Secret stateKey) {
    this.endpoints = Map.copyOf(endpoints);
    this.clients = Map.copyOf(clients);
    this.stateKey = stateKey;
  }

  /** Reads the settings; providers with incomplete settings are simply not offered. */
  public static ConnectionSettings fromEnv(Map<String, String> env) {
    Secret stateKey = stateKey(env.get("STRIDE_OAUTH_STATE_KEY"));
    String redirect = env.get("STRIDE_OAUTH_REDIRECT_URI");
    Map<Provider, ProviderEndpoints> endpoints = new EnumMap<>(Provider.class);
    Map<Provider, ClientCredentials> clients = new EnumMap<>(Provider.class);
    if (stateKey != null && redirect != null && !redirect.isBlank()) {
      URI redirectUri = URI.create(redirect);
      ProviderCatalog.all()
          .forEach(
              (provider, catalog) -> {
                String prefix = "STRIDE_OAUTH_" + provider.name().toUpperCase(Locale.ROOT) + "_";
                String id = env.get(prefix + "CLIENT_ID");
                String secret = env.get(prefix + "CLIENT_SECRET");
                if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
                  return;
                }
                clients.put(provider, new ClientCredentials(id, Secret.of(secret), redirectUri));
                endpoints.put(
                    provider,
                    overridden(
                        catalog, env.get(prefix + "AUTHORIZE_URL"), env.get(prefix + "TOKEN_URL")));
              });
    }
    return new ConnectionSettings(endpoints, clients, stateKey);
  }

  /** Explicit settings (tests). */
  public static ConnectionSettings of(
      Map<Provider, ProviderEndpoints> endpoints,
      Map<Provider, ClientCredentials> clients,
      Secret stateKey) {
    return new ConnectionSettings(endpoints, clients, stateKey);
  }

  /** Whether the region offers connections to {@code provider}. */
  public boolean offers(Provider provider) {
    return clients.containsKey(provider) && endpoints.containsKey(provider);
  }

  /** The endpoints of an offered provider. */
  public Optional<ProviderEndpoints> endpoints(Provider provider) {
    return Optional.ofNullable(endpoints.get(provider));
  }

  /** Our client at an offered provider. */
  public Optional<ClientCredentials> client(Provider provider) {
    return Optional.ofNullable(clients.get(provider));
  }

  /** The key signing {@code state} values, when set. */
  public Optional<Secret> stateKey() {
    return Optional.ofNullable(stateKey);
  }

  private static ProviderEndpoints overridden(
      ProviderEndpoints catalog, String authorize, String token) {
    if ((authorize == null || authorize.isBlank()) && (token == null || token.isBlank())) {
      return catalog;
    }
    return new ProviderEndpoints(
        catalog.provider(),
        authorize == null || authorize.isBlank() ? catalog.authorizeUrl() : URI.create(authorize),
        token == null || token.isBlank() ? catalog.tokenUrl() : URI.create(token),
        catalog.scopes(),
        catalog.scopeSeparator(),
        catalog.pkce(),
        catalog.clientAuthentication(),
        catalog.extraAuthorizeParameters(),
        catalog.userIdField(),
        catalog.verified());
  }

  private static Secret stateKey(String base64) {
    if (base64 == null || base64.isBlank()) {
      return null;
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("STRIDE_OAUTH_STATE_KEY is not base64");
    }
    if (bytes.length < 32) {
      throw new IllegalArgumentException("STRIDE_OAUTH_STATE_KEY must hold at least 32 bytes");
    }
    return Secret.ofBytes(bytes);
  }
}
