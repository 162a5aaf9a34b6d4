package app.stride.auth.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientIpTest {

  @Test
  void bucket_keepsAnIpv4Address() {
    assertThat(ClientIp.bucket("203.0.113.7")).isEqualTo("203.0.113.7");
    assertThat(ClientIp.bucket(" 203.0.113.7 ")).isEqualTo("203.0.113.7");
  }

  @Test
  void bucket_groupsIpv6ByItsSlash64_inAnySpelling() {
    String expected = "20010db800010002/64";
    assertThat(ClientIp.bucket("2001:db8:1:2::1")).isEqualTo(expected);
    assertThat(ClientIp.bucket("2001:0DB8:0001:0002:ffff:ffff:ffff:ffff")).isEqualTo(expected);
    assertThat(ClientIp.bucket("2001:db8:1:2::1%eth0")).isEqualTo(expected);
    assertThat(ClientIp.bucket("2001:db8:1:3::1")).isNotEqualTo(expected);
  }

  @Test
  void bucket_treatsAnIpv4MappedAddressAsIpv4() {
    assertThat(ClientIp.bucket("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
  }

  @Test
  void bucket_putsEverythingElseInOneSharedBucket_withoutResolvingNames() {
    assertThat(ClientIp.bucket("example.com")).isEqualTo(ClientIp.INVALID);
    assertThat(ClientIp.bucket("localhost")).isEqualTo(ClientIp.INVALID);
    assertThat(ClientIp.bucket("999.1.1.1")).isEqualTo(ClientIp.INVALID);
    assertThat(ClientIp.bucket("01.2.3.4")).isEqualTo(ClientIp.INVALID);
    assertThat(ClientIp.bucket("1:2:3")).isEqualTo(ClientIp.INVALID);
    assertThat(ClientIp.bucket(".1:2::3")).isEqualTo(ClientIp.INVALID);
    assertThat(ClientIp.bucket("")).isEqualTo(ClientIp.INVALID);
    assertThat(ClientIp.bucket("203.0.113.7, 10.0.0.1")).isEqualTo(ClientIp.INVALID);
  }
}
