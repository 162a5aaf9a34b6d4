package app.stride.auth.aws;

import app.stride.testkit.packaging.NativeCryptoPackagingContract;
import app.stride.testkit.packaging.NativeLibraries.Machine;
import java.nio.file.Path;

/** The auth Lambda jar (arm64) and its native crypto. */
class NativeCryptoPackagingIT extends NativeCryptoPackagingContract {
  @Override
  protected Path deployable() {
    return Path.of("target", "auth-aws-lambda.jar");
  }

  @Override
  protected Machine deployedOn() {
    return Machine.AARCH64;
  }
}
