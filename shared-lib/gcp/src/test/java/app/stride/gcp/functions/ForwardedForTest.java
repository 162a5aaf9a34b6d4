package app.stride.gcp.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.config.Env;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The client's address behind Google's external Application Load Balancer, which appends {@code
 * <client>, <its own external IP>} to {@code X-Forwarded-For}; Google proxies further in may append
 * more. The attack: a client prepends entries of its own to pick the per-IP bucket it is charged
 * to.
 */
class ForwardedForTest {
  private static final String LB = "34.120.7.8";
  private static final ForwardedFor BEHIND_LB = ForwardedFor.behind(LB);

  @Test
  void honestRequest_isTheEntryTheLoadBalancerWroteBeforeItsOwnAddress() {
    assertThat(BEHIND_LB.client(xff("203.0.113.7, " + LB))).isEqualTo("203.0.113.7");
    assertThat(BEHIND_LB.client(xff("203.0.113.7, " + LB + ", 169.254.1.1, 35.191.0.9")))
        .as("Google proxies after the load balancer are skipped")
        .isEqualTo("203.0.113.7");
  }

  @Test
  void clientPrependingAddresses_cannotPickItsBucket() {
    assertThat(BEHIND_LB.client(xff("198.51.100.66, 203.0.113.7, " + LB))).isEqualTo("203.0.113.7");
    assertThat(
            BEHIND_LB.client(xff("1.1.1.1, 2.2.2.2, 3.3.3.3, 203.0.113.7, " + LB + ", 10.0.0.2")))
        .isEqualTo("203.0.113.7");
  }

  @Test
  void clientWritingTheLoadBalancersAddressItself_onlyAddsEntriesFurtherLeft() {
    String forged = "198.51.100.66, " + LB + ", 203.0.113.7, " + LB;

    assertThat(BEHIND_LB.client(xff(forged))).isEqualTo("203.0.113.7");
  }

  @Test
  void clientWritingGarbage_getsItsRealAddress_andGarbageFromTheLoadBalancerIsUnknown() {
    assertThat(BEHIND_LB.client(xff("evil.example.com, ::1]], 203.0.113.7, " + LB)))
        .isEqualTo("203.0.113.7");
    assertThat(BEHIND_LB.client(xff("not-an-ip, " + LB))).isEqualTo(HttpRequests.UNKNOWN_SOURCE);
  }

  @Test
  void ipv6Client_isNormalized() {
    assertThat(BEHIND_LB.client(xff("2001:DB8::7, " + LB))).isEqualTo("2001:db8:0:0:0:0:0:7");
  }

  @Test
  void severalHeaderLines_areOneListInOrder() {
    Map<String, List<String>> headers =
        Map.of("x-forwarded-for", List.of("198.51.100.66", "203.0.113.7, " + LB));

    assertThat(BEHIND_LB.client(headers)).isEqualTo("203.0.113.7");
  }

  @Test
  void requestThatBypassedTheLoadBalancer_isTheLastHop_notTheForgedFirstEntry() {
    assertThat(BEHIND_LB.client(xff("198.51.100.66, 192.0.2.44"))).isEqualTo("192.0.2.44");
  }

  @Test
  void noHeader_isUnknown() {
    assertThat(BEHIND_LB.client(Map.of())).isEqualTo(HttpRequests.UNKNOWN_SOURCE);
    assertThat(ForwardedFor.LAST_HOP.client(Map.of())).isEqualTo(HttpRequests.UNKNOWN_SOURCE);
  }

  @Test
  void fromEnv_readsTheLoadBalancersAddress_andRefusesANonAddress() {
    assertThat(
            ForwardedFor.fromEnv(new Env(Map.of(ForwardedFor.LOAD_BALANCER_ENV, LB)))
                .client(xff("203.0.113.7, " + LB + ", 10.0.0.2")))
        .isEqualTo("203.0.113.7");
    assertThat(ForwardedFor.fromEnv(new Env(Map.of())).client(xff("203.0.113.7, " + LB)))
        .isEqualTo(LB);
    assertThatThrownBy(
            () ->
                ForwardedFor.fromEnv(new Env(Map.of(ForwardedFor.LOAD_BALANCER_ENV, "lb.example"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ForwardedFor.LOAD_BALANCER_ENV);
  }

  private static Map<String, List<String>> xff(String value) {
    return Map.of("X-Forwarded-For", List.of(value));
  }
}
