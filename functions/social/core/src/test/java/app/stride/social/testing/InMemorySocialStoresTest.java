package app.stride.social.testing;

import app.stride.social.application.port.out.SocialStores;

/** The in-memory stores the HTTP tests use keep the same contract as the real adapters. */
class InMemorySocialStoresTest extends SocialStoreContract {
  private final InMemorySocialStores stores = new InMemorySocialStores();

  @Override
  protected SocialStores stores() {
    return stores.ports();
  }
}
