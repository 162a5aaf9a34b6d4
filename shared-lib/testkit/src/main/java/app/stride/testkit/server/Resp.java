package app.stride.testkit.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Just enough of the Redis protocol (RESP2) to send one command and read a simple, error, integer
 * or bulk-string reply, so the launcher needs no client library.
 */
final class Resp {

  private static final int TIMEOUT_MILLIS = 5_000;

  private Resp() {}

  /** Sends {@code args} as one command and returns the reply; null for a nil bulk string. */
  static String call(String host, int port, String... args) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      out.write(encode(args));
      out.flush();
      return readReply(new BufferedInputStream(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException("Redis command " + args[0] + " failed on port " + port, e);
    }
  }

  static byte[] encode(String... args) {
    StringBuilder command = new StringBuilder().append('*').append(args.length).append("\r\n");
    for (String arg : args) {
      byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
      command.append('$').append(bytes.length).append("\r\n").append(arg).append("\r\n");
    }
    return command.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String readReply(InputStream in) throws IOException {
    int type = in.read();
    String line = readLine(in);
    switch (type) {
      case '+':
      case ':':
        return line;
      case '-':
        throw new IllegalStateException("Redis error: " + line);
      case '$':
        int length = Integer.parseInt(line);
        if (length < 0) {
          return null;
        }
        byte[] data = in.readNBytes(length);
        readLine(in);
        return new String(data, StandardCharsets.UTF_8);
      default:
        throw new IllegalStateException("unsupported Redis reply type: " + (char) type + line);
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int previous = -1;
    for (int b = in.read(); b != -1; b = in.read()) {
      if (previous == '\r' && b == '\n') {
        byte[] bytes = line.toByteArray();
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
      }
      line.write(b);
      previous = b;
    }
    throw new IOException("connection closed mid-reply");
  }
}
