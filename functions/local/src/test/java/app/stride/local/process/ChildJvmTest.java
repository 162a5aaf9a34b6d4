package app.stride.local.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.testkit.server.Loopback;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A child is ready when it says so and its own port accepts: never because another process answers
 * on that port (CI once saw a Cloud Function's calls served by a Lambda host that held its port).
 */
class ChildJvmTest {

  @Test
  void aChildThatSaysReadyAndListens_isReady() throws Exception {
    int port = Loopback.freePort();

    try (ChildJvm child = start(port, "listen")) {
      assertThat(child.isAlive()).isTrue();
      assertThat(Loopback.accepts(Loopback.HOST, port)).isTrue();
    }
  }

  @Test
  void aPortAnotherProcessServes_failsTheStart_insteadOfPassingForTheChild() throws Exception {
    try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getByName(Loopback.HOST))) {
      int port = other.getLocalPort();

      assertThatThrownBy(() -> start(port, "listen"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already served by another process");
    }
  }

  @Test
  void aChildThatSaysReadyButNeverListens_failsAfterTheTimeout() {
    int port = Loopback.freePort();

    assertThatThrownBy(() -> start(port, "silent"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("did not accept connections on port " + port);
  }

  @Test
  void aChildThatCannotBind_failsTheStart() throws Exception {
    int port = Loopback.freePort();

    assertThatThrownBy(() -> start(port, "exit"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exited during start");
  }

  private static ChildJvm start(int port, String mode) throws Exception {
    Path classes =
        Path.of(ReadyChild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return ChildJvm.start(
        "test-" + mode,
        List.of(classes),
        List.of("-Xmx32m", "-XX:TieredStopAtLevel=1"),
        ReadyChild.class.getName(),
        List.of(mode, Integer.toString(port)),
        Map.of(),
        ReadyChild.READY,
        port,
        Duration.ofSeconds(3));
  }
}
