package app.stride.auth.testing;

import app.stride.auth.token.KeyRingStore;

class InMemoryKeyRingStoreTest extends KeyRingStoreContract {
  @Override
  protected KeyRingStore newStore() {
    return new InMemoryKeyRingStore(HOME);
  }
}
