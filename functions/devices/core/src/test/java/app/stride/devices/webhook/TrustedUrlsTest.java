package app.stride.devices.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedUrlsTest {
  private final TrustedUrls garmin = new TrustedUrls(Set.of("apis.garmin.com"));
  private final TrustedUrls coros = new TrustedUrls(Set.of(".coros.com"));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://169.254.169.254/latest/meta-data/",
        "https://169.254.169.254/latest/meta-data/",
        "http://apis.garmin.com/wellness-api/rest/activityFile?id=1",
        "https://apis.garmin.com.evil.example/x",
        "https://evil.example/#@apis.garmin.com/x",
        "https://apis.garmin.com@evil.example/x",
        "https://user:pw@apis.garmin.com/x",
        "https://apis.garmin.com:8443/x",
        "https://apis.garmin.com\\@evil.example/x",
        "file:///etc/passwd",
        "//apis.garmin.com/x",
        "https://localhost/x",
        "https://[::1]/x",
        ""
      })
  void refuses_urlsAnAttackerCouldChoose(String url) {
    assertThat(garmin.parse(url)).isEmpty();
  }

  @Test
  void accepts_httpsOnTheProvidersHost_anyCase() {
    assertThat(garmin.parse("https://APIS.garmin.com/wellness-api/rest/activityFile?id=1&token=x"))
        .isPresent();
    assertThat(garmin.parse("https://apis.garmin.com:443/x")).isPresent();
  }

  @Test
  void suffixEntries_matchSubdomainsOnly() {
    assertThat(coros.parse("https://oss.coros.com/a.fit")).isPresent();
    assertThat(coros.parse("https://coros.com/a.fit")).isEmpty();
    assertThat(coros.parse("https://evilcoros.com/a.fit")).isEmpty();
  }

  @Test
  void overlongUrls_areRefused() {
    assertThat(garmin.parse("https://apis.garmin.com/" + "a".repeat(3000))).isEmpty();
  }

  @Test
  void hostsMustBeLowerCase_andPresent() {
    assertThatThrownBy(() -> new TrustedUrls(Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TrustedUrls(Set.of("APIS.garmin.com")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
