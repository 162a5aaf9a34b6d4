package app.stride.devices.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.devices.domain.Provider;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Provider API bases: production defaults and operator overrides. */
class ProviderApisTest {
  @Test
  void defaults_pointAtTheProviders_andRerouteNothing() {
    ProviderApis apis = ProviderApis.defaults();
    URI file = URI.create("https://cdn.wahooligan.com/a/b.fit?x=1");

    assertThat(apis.base(Provider.STRAVA)).isEqualTo(URI.create("https://www.strava.com"));
    assertThat(apis.base(Provider.POLAR)).isEqualTo(URI.create("https://www.polaraccesslink.com"));
    assertThat(apis.route(Provider.WAHOO, file)).isEqualTo(file);
  }

  @Test
  void fromEnv_overridesOneProvider_andReroutesItsNotifiedUrls() {
    ProviderApis apis =
        ProviderApis.fromEnv(Map.of("STRIDE_PROVIDER_API_WAHOO", "http://127.0.0.1:8089/"));

    assertThat(apis.base(Provider.WAHOO)).isEqualTo(URI.create("http://127.0.0.1:8089"));
    assertThat(apis.route(Provider.WAHOO, URI.create("https://cdn.wahooligan.com/a/b.fit?x=1")))
        .isEqualTo(URI.create("http://127.0.0.1:8089/a/b.fit?x=1"));
    assertThat(apis.base(Provider.STRAVA)).isEqualTo(URI.create("https://www.strava.com"));
  }

  @Test
  void fromEnv_refusesAnOverrideThatIsNotAnHttpUrl() {
    assertThatThrownBy(
            () -> ProviderApis.fromEnv(Map.of("STRIDE_PROVIDER_API_STRAVA", "file:///etc/passwd")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> ProviderApis.fromEnv(Map.of("STRIDE_PROVIDER_API_STRAVA", "http://h/?q=1")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void variable_namesTheProvider() {
    assertThat(ProviderApis.variable(Provider.FITBIT)).isEqualTo("STRIDE_PROVIDER_API_FITBIT");
  }
}
