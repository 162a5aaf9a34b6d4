package app.stride.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RespTest {

  @Test
  void encode_writesAnArrayOfBulkStrings_withByteLengths() {
    assertThat(new String(Resp.encode("SET", "k", "é"), StandardCharsets.UTF_8))
        .isEqualTo("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$2\r\né\r\n");
  }

  @Test
  void readReply_decodesSimpleIntegerBulkAndNil() throws Exception {
    assertThat(Resp.readReply(in("+OK\r\n"))).isEqualTo("OK");
    assertThat(Resp.readReply(in(":42\r\n"))).isEqualTo("42");
    assertThat(Resp.readReply(in("$5\r\nhello\r\n"))).isEqualTo("hello");
    assertThat(Resp.readReply(in("$-1\r\n"))).isNull();
  }

  @Test
  void readReply_turnsAnErrorReplyIntoAnException() {
    assertThatThrownBy(() -> Resp.readReply(in("-ERR unknown command\r\n")))
        .hasMessageContaining("ERR unknown command");
  }

  private static ByteArrayInputStream in(String reply) {
    return new ByteArrayInputStream(reply.getBytes(StandardCharsets.UTF_8));
  }
}
