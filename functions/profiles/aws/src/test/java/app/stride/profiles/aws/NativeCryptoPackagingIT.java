package app.stride.profiles.aws;

import app.stride.testkit.packaging.NativeCryptoPackagingContract;
import app.stride.testkit.packaging.NativeLibraries.Machine;
import java.nio.file.Path;

/** The profiles Lambda jar (arm64) and its native crypto. */
class NativeCryptoPackagingIT extends NativeCryptoPackagingContract {
  @Override
  protected Path deployable() {
    return Path.of("target", "profiles-aws-lambda.jar");
  }

  @Override
  protected Machine deployedOn() {
    return Machine.AARCH64;
  }
}
