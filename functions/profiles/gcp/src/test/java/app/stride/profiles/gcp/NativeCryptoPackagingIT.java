package app.stride.profiles.gcp;

import app.stride.testkit.packaging.NativeCryptoPackagingContract;
import app.stride.testkit.packaging.NativeLibraries.Machine;
import java.nio.file.Path;

/** The profiles Cloud Functions upload (x86-64) and its native crypto. */
class NativeCryptoPackagingIT extends NativeCryptoPackagingContract {
  @Override
  protected Path deployable() {
    return Path.of("target", "profiles-gcp-function.zip");
  }

  @Override
  protected Machine deployedOn() {
    return Machine.X86_64;
  }
}
