package app.stride.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class LoopbackTest {

  @Test
  void portOrFree_keepsAGivenPort_andPicksOneForZero() {
    assertThat(Loopback.portOrFree(4567)).isEqualTo(4567);
    assertThat(Loopback.portOrFree(0)).isBetween(1, 65_535);
  }

  @Test
  void freePort_neverHandsOutTheSamePortTwice_evenWhenNoneIsBoundYet() {
    // The ports are not bound between calls, so the kernel is free to pick one again; a few
    // thousand
    // picks from the ephemeral range would repeat many times over without the ledger.
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      assertThat(seen.add(Loopback.freePort())).as("pick %d", i).isTrue();
    }
  }

  @Test
  void portOrFree_rejectsImpossiblePorts() {
    assertThatThrownBy(() -> Loopback.portOrFree(70_000))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void accepts_seesAListeningSocket_andNotAClosedOne() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(Loopback.HOST))) {
      port = socket.getLocalPort();
      assertThat(Loopback.accepts(Loopback.HOST, port)).isTrue();
    }
    assertThat(Loopback.accepts(Loopback.HOST, port)).isFalse();
  }
}
