package app.stride.devices.connection;

import app.stride.devices.domain.Provider;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OAuth 2.0 endpoints of every provider with a server API. Sources and certainty per provider
 * are in {@code docs/devices-webhooks.md}; entries marked unverified come from third-party
 * integrations because the provider publishes its documentation to partners only.
 */
public final class ProviderCatalog {
  private static final Map<Provider, ProviderEndpoints> ENDPOINTS = new EnumMap<>(Provider.class);

  static {
    add(
        Provider.GARMIN,
        "https://connect.garmin.com/oauth2Confirm",
        "https://diauth.garmin.com/di-oauth2-service/oauth/token",
        List.of(),
        " ",
        true,
        ClientAuthentication.BODY,
        Map.of(),
        null,
        false);
    add(
        Provider.STRAVA,
        "https://www.strava.com/oauth/authorize",
        "https://www.strava.com/oauth/token",
        List.of("read", "activity:read_all"),
        ",",
        false,
        ClientAuthentication.BODY,
        Map.of("approval_prompt", "auto"),
        "athlete.id",
        true);
    add(
        Provider.POLAR,
        "https://flow.polar.com/oauth2/authorization",
        "https://polarremote.com/v2/oauth2/token",
        List.of("accesslink.read_all"),
        " ",
        false,
        ClientAuthentication.BASIC,
        Map.of(),
        "x_user_id",
        true);
    add(
        Provider.SUUNTO,
        "https://cloudapi-oauth.suunto.com/oauth/authorize",
        "https://cloudapi-oauth.suunto.com/oauth/token",
        List.of("workout"),
        " ",
        false,
        ClientAuthentication.BASIC,
        Map.of(),
        "user",
        true);
    // Fitbit is served by the Google Health API since the legacy Fitbit Web API and OAuth were
    // turned off (2026-11-02): Google's OAuth 2.0 web-server flow (PKCE S256; offline access and
    // the consent prompt so that a refresh token is issued every time), client secret in the form.
    // Scopes: exercise data points (activity_and_fitness) and, for the TCX export with its route,
    // location as well. The token answer names no user: users/me/identity gives the healthUserId
    // (HttpProviderAccountLookup).
    add(
        Provider.FITBIT,
        "https://accounts.google.com/o/oauth2/v2/auth",
        "https://oauth2.googleapis.com/token",
        List.of(
            "https://www.googleapis.com/auth/googlehealth.activity_and_fitness.readonly",
            "https://www.googleapis.com/auth/googlehealth.location.readonly"),
        " ",
        true,
        ClientAuthentication.BODY,
        Map.of("access_type", "offline", "prompt", "consent"),
        null,
        true);
    add(
        Provider.WAHOO,
        "https://api.wahooligan.com/oauth/authorize",
        "https://api.wahooligan.com/oauth/token",
        List.of("user_read", "workouts_read", "offline_data"),
        " ",
        true,
        ClientAuthentication.BODY,
        Map.of(),
        null,
        true);
    add(
        Provider.COROS,
        "https://open.coros.com/oauth2/authorize",
        "https://open.coros.com/oauth2/accesstoken",
        List.of(),
        " ",
        false,
        ClientAuthentication.BODY,
        Map.of(),
        "openId",
        false);
  }

  private ProviderCatalog() {}

  /** The endpoints of a provider, or empty for one without a server API (Apple Health, ...). */
  public static Optional<ProviderEndpoints> endpoints(Provider provider) {
    return Optional.ofNullable(ENDPOINTS.get(provider));
  }

  /** Every provider's endpoints. */
  public static Map<Provider, ProviderEndpoints> all() {
    return Map.copyOf(ENDPOINTS);
  }

  private static void add(
      Provider provider,
      String authorize,
      String token,
      List<String> scopes,
      String separator,
      boolean pkce,
      ClientAuthentication authentication,
      Map<String, String> extra,
      String userIdField,
      boolean verified) {
    ENDPOINTS.put(
        provider,
        new ProviderEndpoints(
            provider,
            URI.create(authorize),
            URI.create(token),
            scopes,
            separator,
            pkce,
            authentication,
            extra,
            userIdField,
            verified));
  }
}
