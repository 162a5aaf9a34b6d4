package app.stride.testkit.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway certificate authority and a server certificate it signed for {@code 127.0.0.1} and
 * {@code localhost}, made with the {@code openssl} command (Debian package {@code openssl}) in a
 * directory of their own, for servers that speak TLS on loopback. Each set has its own CA key, so a
 * client trusting another set's CA is refused.
 */
public final class TestCertificates {
  private final Path dir;

  private TestCertificates(Path dir) {
    this.dir = dir;
  }

  /** Makes a CA and a server certificate (RSA 2048, valid one day) under {@code dir}. */
  public static TestCertificates create(Path dir) {
    return create(dir, true);
  }

  /**
   * Like {@link #create}, but the server certificate names {@code 127.0.0.1} in its subject's
   * common name only, with no subject alternative name, as some managed Redis servers do (the JDK
   * matches an IP address against the alternative names alone, so a host name check fails).
   */
  public static TestCertificates withoutAlternativeNames(Path dir) {
    return create(dir, false);
  }

  private static TestCertificates create(Path dir, boolean alternativeNames) {
    try {
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve("server.ext"),
          (alternativeNames ? "subjectAltName=IP:127.0.0.1,DNS:localhost\n" : "")
              + "keyUsage=digitalSignature,keyEncipherment\n"
              + "extendedKeyUsage=serverAuth\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    openssl(
        dir,
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=Stride test CA",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem");
    openssl(
        dir,
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=127.0.0.1",
        "-keyout",
        "server.key",
        "-out",
        "server.csr");
    openssl(
        dir,
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "1",
        "-extfile",
        "server.ext",
        "-out",
        "server.pem");
    return new TestCertificates(dir);
  }

  /** The CA's certificate (PEM). */
  public Path caCertificate() {
    return dir.resolve("ca.pem");
  }

  /** The CA's certificate as text. */
  public String caPem() {
    try {
      return Files.readString(caCertificate(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server's certificate (PEM), for 127.0.0.1 and localhost. */
  public Path serverCertificate() {
    return dir.resolve("server.pem");
  }

  /** The server's private key (PEM, unencrypted). */
  public Path serverKey() {
    return dir.resolve("server.key");
  }

  private static void openssl(Path dir, String... args) {
    List<String> command = new ArrayList<>();
    command.add(
        Executables.onPath("openssl")
            .orElseThrow(
                () ->
                    new ServerStartException(
                        "openssl is not installed. Install it: apt-get update && apt-get install"
                            + " -y openssl"))
            .toString());
    command.addAll(List.of(args));
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("openssl.log").toFile())
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new ServerStartException(
            "openssl " + args[0] + " failed: " + Files.readString(dir.resolve("openssl.log")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerStartException("interrupted running openssl");
    }
  }
}
