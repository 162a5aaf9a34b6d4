package app.stride.social.testing;

import app.stride.social.application.port.out.ConnectionRegistry;

/** The registry contract on the in-memory registry the other tests use. */
class InMemoryConnectionRegistryTest extends ConnectionRegistryContract {
  private final InMemoryConnectionRegistry registry = new InMemoryConnectionRegistry();

  @Override
  protected ConnectionRegistry registry() {
    return registry;
  }
}
