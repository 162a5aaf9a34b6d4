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
