package app.stride.auth.testing;

import app.stride.auth.application.port.out.OneTimeTokenStore;

class InMemoryOneTimeTokenStoreTest extends OneTimeTokenStoreContract {
  @Override
  protected OneTimeTokenStore newStore() {
    return new InMemoryOneTimeTokenStore();
  }
}
