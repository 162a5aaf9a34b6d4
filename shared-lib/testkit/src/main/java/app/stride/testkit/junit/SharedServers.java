package app.stride.testkit.junit;

import app.stride.testkit.server.LocalServer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Servers started once per JVM: kept in the root {@link ExtensionContext.Store}, which closes them
 * (they are {@link AutoCloseable}) when the whole test run ends. The launchers' shutdown hook
 * covers runs that end abruptly.
 */
final class SharedServers {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedServers.class);

  private SharedServers() {}

  // getOrComputeIfAbsent is the one spelling JUnit 5.14 and 6 both offer.
  @SuppressWarnings("deprecation")
  static <S extends LocalServer> S get(ExtensionContext context, Class<S> type, Supplier<S> start) {
    ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
    return store.getOrComputeIfAbsent(type, key -> start.get(), type);
  }
}
