package app.stride.testkit.packaging;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The processor architecture of a native library inside a deployable, read from its ELF header, so
 * a test can hold a Lambda jar to the architecture infra deploys it on.
 */
public final class NativeLibraries {
  /** The native library of Amazon Corretto Crypto Provider inside its jar. */
  public static final String ACCP_LIBRARY =
      "com/amazon/corretto/crypto/provider/libamazonCorrettoCryptoProvider.so";

  private static final int E_MACHINE_OFFSET = 18;

  private NativeLibraries() {}

  /** ELF machines Stride deploys on. */
  public enum Machine {
    X86_64(62),
    AARCH64(183);

    private final int code;

    Machine(int code) {
      this.code = code;
    }

    /** The machine this JVM runs on, if it is one of these. */
    public static Optional<Machine> host() {
      return switch (System.getProperty("os.arch")) {
        case "amd64", "x86_64" -> Optional.of(X86_64);
        case "aarch64", "arm64" -> Optional.of(AARCH64);
        default -> Optional.empty();
      };
    }

    static Machine of(int code) {
      for (Machine machine : values()) {
        if (machine.code == code) {
          return machine;
        }
      }
      throw new IllegalArgumentException("ELF machine " + code + " is neither x86-64 nor AArch64");
    }
  }

  /**
   * The machine of {@code entry} inside {@code archive}: a jar, or a zip holding jars (a Cloud
   * Functions upload), searched one level deep. Empty when no such entry exists.
   */
  public static Optional<Machine> machineOf(Path archive, String entry) throws IOException {
    try (InputStream in = Files.newInputStream(archive)) {
      return find(in, entry);
    }
  }

  /** What a deployable's {@code NativeCrypto} reports when started alone in a fresh JVM. */
  public record Probe(boolean available, String detail) {}

  /**
   * Starts {@link NativeCryptoProbe} in a fresh JVM whose class path is the deployable {@code jar}
   * (a shaded jar) and this test kit's probe class, and returns what it printed.
   */
  public static Probe probe(Path jar) throws IOException, InterruptedException {
    String probeClasses;
    try {
      probeClasses =
          Path.of(
                  NativeCryptoProbe.class
                      .getProtectionDomain()
                      .getCodeSource()
                      .getLocation()
                      .toURI())
              .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    jar.toAbsolutePath() + File.pathSeparator + probeClasses,
                    NativeCryptoProbe.class.getName()))
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "probe failed: " + new String(output, StandardCharsets.UTF_8));
    }
    String line =
        new String(output, StandardCharsets.UTF_8)
            .lines()
            .filter(l -> l.startsWith(NativeCryptoProbe.PREFIX))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("probe printed no result"))
            .substring(NativeCryptoProbe.PREFIX.length());
    int space = line.indexOf(' ');
    return new Probe(Boolean.parseBoolean(line.substring(0, space)), line.substring(space + 1));
  }

  /** Copies the first jar inside {@code zip} (a Cloud Functions upload) to {@code dir}. */
  public static Path extractJar(Path zip, Path dir) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry next; (next = in.getNextEntry()) != null; ) {
        if (next.getName().endsWith(".jar") && !next.getName().contains("/")) {
          Path jar = dir.resolve(next.getName());
          Files.copy(in, jar);
          return jar;
        }
      }
    }
    throw new IOException(zip + " holds no jar at its root");
  }

  private static Optional<Machine> find(InputStream archive, String entry) throws IOException {
    ZipInputStream zip = new ZipInputStream(archive);
    for (ZipEntry next; (next = zip.getNextEntry()) != null; ) {
      if (next.getName().equals(entry)) {
        return Optional.of(elfMachine(zip.readNBytes(E_MACHINE_OFFSET + 2), entry));
      }
      if (next.getName().endsWith(".jar")) {
        Optional<Machine> nested = find(new ByteArrayInputStream(zip.readAllBytes()), entry);
        if (nested.isPresent()) {
          return nested;
        }
      }
    }
    return Optional.empty();
  }

  private static Machine elfMachine(byte[] header, String entry) {
    boolean elf =
        header.length == E_MACHINE_OFFSET + 2
            && header[0] == 0x7f
            && header[1] == 'E'
            && header[2] == 'L'
            && header[3] == 'F';
    if (!elf) {
      throw new IllegalArgumentException(entry + " is not an ELF file");
    }
    boolean littleEndian = header[5] == 1;
    int low = header[E_MACHINE_OFFSET] & 0xff;
    int high = header[E_MACHINE_OFFSET + 1] & 0xff;
    return Machine.of(littleEndian ? low | high << 8 : high | low << 8);
  }
}
