package app.stride.auth.gcp.adapter.out.firestore;

import app.stride.auth.application.port.out.AccountStore;
import app.stride.auth.application.port.out.OneTimeTokenStore;
import app.stride.auth.application.port.out.SessionStore;
import app.stride.auth.token.KeyRingStore;
import app.stride.gcp.firestore.FirestoreClients;
import com.google.cloud.firestore.Firestore;
import java.time.Clock;
import java.util.Objects;

/**
 * The auth stores of one region over one Firestore client, for the wiring: build it once per
 * function instance and close it on shutdown.
 */
public final class AuthFirestoreStores implements AutoCloseable {
  private final Firestore firestore;
  private final FirestoreAccountStore accounts;
  private final FirestoreSessionStore sessions;
  private final FirestoreOneTimeTokenStore oneTimeTokens;
  private final FirestoreKeyRingStore keyRings;

  /** The stores over an existing client (the caller closes it through {@link #close}). */
  public AuthFirestoreStores(Firestore firestore, AuthFirestoreConfig config, Clock clock) {
    this.firestore = Objects.requireNonNull(firestore, "firestore");
    this.accounts = new FirestoreAccountStore(firestore, config.region(), clock);
    this.sessions = new FirestoreSessionStore(firestore);
    this.oneTimeTokens = new FirestoreOneTimeTokenStore(firestore);
    this.keyRings = new FirestoreKeyRingStore(firestore, config.region());
  }

  /** Opens a client for {@code config} and builds the stores over it. */
  public static AuthFirestoreStores open(AuthFirestoreConfig config, Clock clock) {
    return new AuthFirestoreStores(FirestoreClients.create(config.firestore()), config, clock);
  }

  public AccountStore accounts() {
    return accounts;
  }

  public SessionStore sessions() {
    return sessions;
  }

  public OneTimeTokenStore oneTimeTokens() {
    return oneTimeTokens;
  }

  public KeyRingStore keyRings() {
    return keyRings;
  }

  /** Closes the Firestore client. */
  @Override
  public void close() throws Exception {
    firestore.close();
  }
}
