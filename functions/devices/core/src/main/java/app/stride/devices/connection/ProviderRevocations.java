package app.stride.devices.connection;

import app.stride.devices.connection.ProviderRevocation.TokenPlacement;
import app.stride.devices.domain.Provider;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where each provider takes a disconnecting user's grant back. Providers without a documented way
 * (Suunto, COROS) have none: disconnecting deletes our tokens only, and the user revokes the grant
 * in the provider's app. A region may point an entry elsewhere with {@code
 * STRIDE_OAUTH_<PROVIDER>_REVOKE_URL} (the local platform and tests).
 */
public final class ProviderRevocations {
  private static final Map<Provider, ProviderRevocation> CATALOG = new EnumMap<>(Provider.class);

  static {
    // Strava API v3, "Deauthorization": revokes every token of the athlete for our app.
    add(
        Provider.STRAVA,
        "POST",
        "https://www.strava.com/oauth/deauthorize",
        TokenPlacement.FORM_ACCESS_TOKEN,
        true);
    // Polar AccessLink v3, "Delete user": de-registers the user and revokes the token.
    add(
        Provider.POLAR,
        "DELETE",
        "https://www.polaraccesslink.com/v3/users/{user}",
        TokenPlacement.BEARER,
        true);
    // Wahoo Cloud API, "Deauthorize": deletes all of our app's permissions of the user.
    add(
        Provider.WAHOO,
        "DELETE",
        "https://api.wahooligan.com/v1/permissions",
        TokenPlacement.BEARER,
        true);
    // Fitbit is served by the Google Health API with Google OAuth: Google's RFC 7009 endpoint
    // revokes the grant, the refresh token with it.
    add(
        Provider.FITBIT,
        "POST",
        "https://oauth2.googleapis.com/revoke",
        TokenPlacement.FORM_TOKEN,
        true);
    // Garmin Health API "Delete User Registration": documented to partners only.
    add(
        Provider.GARMIN,
        "DELETE",
        "https://apis.garmin.com/wellness-api/rest/user/registration",
        TokenPlacement.BEARER,
        false);
  }

  private final Map<Provider, ProviderRevocation> entries;

  private ProviderRevocations(Map<Provider, ProviderRevocation> entries) {
    this.entries = Map.copyOf(entries);
  }

  /** The catalog, with the overrides the environment sets. */
  public static ProviderRevocations fromEnv(Map<String, String> env) {
    Map<Provider, ProviderRevocation> entries = new EnumMap<>(CATALOG);
    CATALOG.forEach(
        (provider, revocation) -> {
          String override = env.get(variable(provider));
          if (override != null && !override.isBlank()) {
            entries.put(provider, revocation.at(override.strip()));
          }
        });
    return new ProviderRevocations(entries);
  }

  /** Explicit entries (tests). */
  public static ProviderRevocations of(Map<Provider, ProviderRevocation> entries) {
    return new ProviderRevocations(entries);
  }

  /** The catalog's entries, unmodified. */
  public static Map<Provider, ProviderRevocation> catalog() {
    return Map.copyOf(CATALOG);
  }

  /** The variable overriding a provider's revocation URL. */
  public static String variable(Provider provider) {
    return "STRIDE_OAUTH_" + provider.name().toUpperCase(Locale.ROOT) + "_REVOKE_URL";
  }

  /** How {@code provider} takes a grant back, if it has a way. */
  public Optional<ProviderRevocation> lookup(Provider provider) {
    return Optional.ofNullable(entries.get(provider));
  }

  private static void add(
      Provider provider, String method, String url, TokenPlacement token, boolean verified) {
    CATALOG.put(provider, new ProviderRevocation(provider, method, url, token, verified));
  }
}
