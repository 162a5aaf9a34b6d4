package app.stride.testkit.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.stride.testkit.packaging.NativeLibraries.Machine;
import app.stride.testkit.packaging.NativeLibraries.Probe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every deployable must hold to about native crypto, checked on the built artifact: it carries
 * ACCP's library for the machine it is deployed on, and, started alone in a fresh JVM, it uses that
 * library exactly when this machine is that machine (and falls back to the JDK otherwise).
 */
public abstract class NativeCryptoPackagingContract {
  @TempDir Path work;

  /** The artifact infra uploads: a shaded jar, or a zip holding one. */
  protected abstract Path deployable();

  /** The machine infra deploys it on. */
  protected abstract Machine deployedOn();

  @Test
  void deployable_carriesTheNativeCryptoLibraryOfTheMachineItIsDeployedOn() throws IOException {
    assertEquals(
        Optional.of(deployedOn()),
        NativeLibraries.machineOf(deployable(), NativeLibraries.ACCP_LIBRARY));
  }

  @Test
  void deployable_usesItsNativeCrypto_exactlyWhereItsLibraryMatchesThisMachine()
      throws IOException, InterruptedException {
    Path jar = deployable();
    if (jar.getFileName().toString().endsWith(".zip")) {
      jar = NativeLibraries.extractJar(jar, work);
    }

    Probe probe = NativeLibraries.probe(jar);

    assertEquals(
        Machine.host().equals(Optional.of(deployedOn())), probe.available(), probe.detail());
  }
}
