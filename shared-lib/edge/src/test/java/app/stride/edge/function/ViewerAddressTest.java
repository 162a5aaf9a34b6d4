package app.stride.edge.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the CDN's viewer-address header may hold, and everything that is refused. */
class ViewerAddressTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "203.0.113.7|203.0.113.7",
        " 203.0.113.7 |203.0.113.7",
        "203.0.113.7:46532|203.0.113.7",
        "2001:db8::1|2001:db8:0:0:0:0:0:1",
        "2001:DB8:0:0:0:0:0:1|2001:db8:0:0:0:0:0:1",
        "[2001:db8::1]:443|2001:db8:0:0:0:0:0:1",
        "[2001:db8::1]|2001:db8:0:0:0:0:0:1",
        "::ffff:198.51.100.9|198.51.100.9"
      })
  void parse_readsAnAddress_withOrWithoutPort_normalized(String value, String address) {
    assertThat(ViewerAddress.parse(value)).hasValue(address);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        " ",
        "unknown",
        "localhost",
        "evil.example.com",
        "203.0.113.7, 198.51.100.1",
        "203.0.113",
        "203.0.113.256",
        "10.1",
        "203.0.113.7:",
        "203.0.113.7:99999",
        "203.0.113.7:80:80",
        "[2001:db8::1]:70000",
        "[2001:db8::1",
        "2001:db8::1]:443",
        "[evil.example.com]:443",
        "fe80::1%eth0",
        "2001:db8::1::2",
        "1.2.3.4/24",
        "203.0.113.7\u0000",
        "000000000000000000000000000000000000000000000000000000000000000000001.2.3.4"
      })
  void parse_refusesAnythingButOneLiteral(String value) {
    assertThat(ViewerAddress.parse(value)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"X-Stride-Viewer-Address", "x-stride-viewer-address"})
  void of_readsTheHeader_inAnyCase(String name) {
    assertThat(
            ViewerAddress.of(
                EdgeFixtures.request(
                    "GET", "/v1/me/profile", Map.of(name, "[2001:db8::7]:9"), null, "10.0.0.1")))
        .hasValue("2001:db8:0:0:0:0:0:7");
  }
}
