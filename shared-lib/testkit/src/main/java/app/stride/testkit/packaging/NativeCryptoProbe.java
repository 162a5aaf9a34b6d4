package app.stride.testkit.packaging;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Started in a fresh JVM on a deployable's class path by {@link NativeLibraries#probe}: prints
 * whether the deployable's {@code NativeCrypto} found a usable native provider. Reflective, so it
 * exercises the classes inside the deployable, not the ones this test kit was built against.
 */
public final class NativeCryptoProbe {
  static final String PREFIX = "native-crypto ";

  private NativeCryptoProbe() {}

  public static void main(String[] args) throws ReflectiveOperationException {
    Class<?> nativeCrypto = Class.forName("app.stride.core.crypto.NativeCrypto");
    Object status = nativeCrypto.getMethod("status").invoke(null);
    Method provider = status.getClass().getMethod("provider");
    Method detail = status.getClass().getMethod("detail");
    boolean available = ((Optional<?>) provider.invoke(status)).isPresent();
    System.out.println(PREFIX + available + " " + detail.invoke(status));
  }
}
