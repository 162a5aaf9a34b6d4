package app.stride.testkit.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.testkit.packaging.NativeLibraries.Machine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibrariesTest {
  private static final String LIB = "lib/native.so";

  @TempDir Path dir;

  @Test
  void machineOf_readsTheElfMachineOfAnEntryInAJar() throws IOException {
    Path arm = write("arm.jar", jar(LIB, elf(183)));
    Path x86 = write("x86.jar", jar(LIB, elf(62)));

    assertThat(NativeLibraries.machineOf(arm, LIB)).contains(Machine.AARCH64);
    assertThat(NativeLibraries.machineOf(x86, LIB)).contains(Machine.X86_64);
  }

  @Test
  void machineOf_looksIntoTheJarsOfAZip() throws IOException {
    Path zip = write("function.zip", jar("function.jar", jar(LIB, elf(183))));

    assertThat(NativeLibraries.machineOf(zip, LIB)).contains(Machine.AARCH64);
  }

  @Test
  void machineOf_isEmptyWithoutTheEntry_andRefusesWhatIsNotElf() throws IOException {
    Path other = write("other.jar", jar("lib/other.so", elf(62)));
    Path text = write("text.jar", jar(LIB, "not a library, just text".getBytes()));

    assertThat(NativeLibraries.machineOf(other, LIB)).isEmpty();
    assertThatThrownBy(() -> NativeLibraries.machineOf(text, LIB))
        .hasMessageContaining("not an ELF file");
  }

  /** The first bytes of a little-endian 64-bit ELF file of {@code machine}. */
  private static byte[] elf(int machine) {
    byte[] header = new byte[64];
    header[0] = 0x7f;
    header[1] = 'E';
    header[2] = 'L';
    header[3] = 'F';
    header[4] = 2;
    header[5] = 1;
    header[18] = (byte) machine;
    header[19] = (byte) (machine >> 8);
    return header;
  }

  private static byte[] jar(String name, byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
      zip.write("Manifest-Version: 1.0\n".getBytes());
      zip.putNextEntry(new ZipEntry(name));
      zip.write(content);
    }
    return bytes.toByteArray();
  }

  private Path write(String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(content);
    }
    return file;
  }
}
