package app.stride.devices.connection;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.devices.domain.Provider;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Refresh before expiry, the provider table, and secrets that never print. */
class ConnectionRulesTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private final RefreshPolicy policy = RefreshPolicy.defaults();

  private static ProviderTokens expiringIn(Duration left) {
    return new ProviderTokens(Secret.of("a"), Secret.of("r"), NOW.plus(left), null, null);
  }

  @Test
  void tokens_withLessThanFiveMinutesLeft_areDue() {
    assertThat(policy.due(expiringIn(Duration.ofMinutes(4)), NOW)).isTrue();
    assertThat(policy.due(expiringIn(Duration.ofMinutes(-1)), NOW)).isTrue();
  }

  @Test
  void tokens_withMoreThanFiveMinutesLeft_areNotDue() {
    assertThat(policy.due(expiringIn(Duration.ofMinutes(6)), NOW)).isFalse();
  }

  @Test
  void tokensWithoutExpiryOrRefreshToken_areNeverDue() {
    assertThat(
            policy.due(new ProviderTokens(Secret.of("a"), Secret.of("r"), null, null, null), NOW))
        .isFalse();
    assertThat(policy.due(new ProviderTokens(Secret.of("a"), null, NOW, null, null), NOW))
        .isFalse();
  }

  @Test
  void everyProviderWithAServerApi_hasHttpsEndpoints() {
    Set<Provider> withApi =
        EnumSet.of(
            Provider.GARMIN,
            Provider.STRAVA,
            Provider.POLAR,
            Provider.SUUNTO,
            Provider.FITBIT,
            Provider.WAHOO,
            Provider.COROS);

    assertThat(ProviderCatalog.all().keySet()).containsExactlyInAnyOrderElementsOf(withApi);
    ProviderCatalog.all()
        .values()
        .forEach(
            endpoints -> {
              assertThat(endpoints.authorizeUrl().getScheme()).isEqualTo("https");
              assertThat(endpoints.tokenUrl().getScheme()).isEqualTo("https");
            });
    assertThat(ProviderCatalog.endpoints(Provider.APPLE_HEALTH)).isEmpty();
  }

  @Test
  void pkce_isUsedWhereTheProviderSupportsIt() {
    assertThat(ProviderCatalog.all().values())
        .filteredOn(ProviderEndpoints::pkce)
        .extracting(ProviderEndpoints::provider)
        .containsExactlyInAnyOrder(Provider.GARMIN, Provider.FITBIT, Provider.WAHOO);
  }

  @Test
  void secrets_neverPrint_andCompareByValue() {
    Secret secret = Secret.of("hunter2");

    assertThat(secret.toString()).doesNotContain("hunter2");
    assertThat(secret.matches("hunter2")).isTrue();
    assertThat(secret.matches("hunter")).isFalse();
    assertThat(secret.matches(null)).isFalse();
    assertThat(secret).isEqualTo(Secret.of("hunter2")).isNotEqualTo(Secret.of("hunter3"));
  }
}
