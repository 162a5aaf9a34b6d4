package app.stride.auth.testing;

import app.stride.auth.application.port.out.AccountStore;
import app.stride.auth.domain.Account;
import java.time.Instant;

class InMemoryAccountStoreTest extends AccountStoreContract {
  @Override
  protected AccountStore newStore() {
    return new InMemoryAccountStore(HOME);
  }

  @Override
  protected void leaveClaimsWithoutAccount(AccountStore store, Account account, Instant claimedAt) {
    ((InMemoryAccountStore) store).simulateCrashAfterClaims(account, claimedAt);
  }
}
