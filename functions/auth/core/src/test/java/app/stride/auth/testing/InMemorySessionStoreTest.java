package app.stride.auth.testing;

import app.stride.auth.application.port.out.SessionStore;

class InMemorySessionStoreTest extends SessionStoreContract {
  @Override
  protected SessionStore newStore() {
    return new InMemorySessionStore();
  }
}
