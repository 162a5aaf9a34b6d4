package app.stride.devices.gcp.adapter.out.firestore;

import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.core.store.StoreUnavailableException;
import app.stride.core.store.VersionConflictException;
import app.stride.devices.application.port.out.ConnectionStore;
import app.stride.devices.application.port.out.ProviderAccountTakenException;
import app.stride.devices.domain.Connection;
import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import app.stride.gcp.firestore.FirestoreCalls;
import app.stride.gcp.firestore.VersionedDocument;
import app.stride.gcp.firestore.VersionedDocuments;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.Firestore;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The connection store of one Firestore region ({@link ConnectionDocument} for the layout). Every
 * method first checks the owner's home region.
 *
 * <p>The same single-document writes as the DynamoDB store, no transactions (DESIGN.md §4): save
 * claims the account first ({@code create}, or a replace with {@code Precondition.updatedAt} of the
 * user's own claim or of an orphan past its lease), then sets the connection, then re-reads the
 * claim and withdraws the connection if it was taken over meanwhile; last, it releases the claim of
 * an account the user left. updateTokens replaces the connection read at the previous version;
 * delete removes the connection read, then its claim. A claim whose holder's connection does not
 * name its account is an orphan: {@link #findByProviderUser} reads it as absent and another user
 * takes it over once its lease ({@link #CLAIM_LEASE}) has passed.
 */
public final class FirestoreConnectionStore implements ConnectionStore {
  /** How long a claim whose connection is missing counts as a save in flight. */
  public static final Duration CLAIM_LEASE = Duration.ofMinutes(15);

  private static final int ATTEMPTS = 3;
  private static final int MAX_PROVIDER_USER_ID = 128;

  private final Firestore firestore;
  private final ResidencyGuard guard;
  private final Clock clock;

  public FirestoreConnectionStore(Firestore firestore, RegionId region, Clock clock) {
    this.firestore = Objects.requireNonNull(firestore, "firestore");
    this.guard = new ResidencyGuard(region);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Optional<Connection> find(UserId userId, Provider provider, RegionId home) {
    guard.requireHome(home);
    return read(userId, provider).map(d -> ConnectionDocument.toDomain(d.data()));
  }

  @Override
  public List<Connection> list(UserId userId, RegionId home) {
    guard.requireHome(home);
    return FirestoreCalls.await(
            user(userId).collection(ConnectionDocument.COLLECTION).orderBy("provider").get())
        .getDocuments()
        .stream()
        .map(d -> ConnectionDocument.toDomain(d.getData()))
        .toList();
  }

  @Override
  public Optional<Connection> findByProviderUser(
      Provider provider, String providerUserId, RegionId home) {
    guard.requireHome(home);
    if (!isAccountId(providerUserId)) {
      return Optional.empty();
    }
    return VersionedDocuments.read(claim(provider, providerUserId))
        .flatMap(claim -> read(holderOf(claim), provider))
        .map(VersionedDocument::data)
        .filter(f -> ConnectionDocument.holds(f, providerUserId))
        .map(ConnectionDocument::toDomain);
  }

  @Override
  public void save(Connection connection, RegionId home) {
    guard.requireHome(home);
    if (connection.version() != 1) {
      throw new IllegalArgumentException("a new connection has version 1");
    }
    UserId userId = connection.userId();
    Provider provider = connection.provider();
    String account = connection.providerUserId();
    Optional<String> previous =
        read(userId, provider).map(d -> (String) d.data().get("providerUserId"));
    claimAccount(provider, account, userId);
    Map<String, Object> fields = ConnectionDocument.fields(connection);
    try {
      FirestoreCalls.await(document(userId, provider).set(fields));
    } catch (RuntimeException e) {
      releaseIfUnused(provider, account, userId);
      throw e;
    }
    if (!heldBy(provider, account, userId)) {
      withdraw(connection);
      throw new ProviderAccountTakenException(provider);
    }
    previous.filter(old -> !old.equals(account)).ifPresent(old -> release(provider, old, userId));
  }

  @Override
  public void updateTokens(Connection updated, RegionId home) {
    guard.requireHome(home);
    long expected = updated.version() - 1;
    VersionedDocument current =
        read(updated.userId(), updated.provider())
            .filter(d -> d.version() == expected)
            .filter(d -> ConnectionDocument.holds(d.data(), updated.providerUserId()))
            .filter(d -> updated.connectedAt().toString().equals(d.data().get("connectedAt")))
            .orElseThrow(
                () ->
                    new VersionConflictException(
                        "the "
                            + updated.provider().wire()
                            + " connection is not at version "
                            + expected));
    VersionedDocuments.replace(current, ConnectionDocument.fields(updated));
  }

  @Override
  public Optional<Connection> delete(UserId userId, Provider provider, RegionId home) {
    guard.requireHome(home);
    for (int attempt = 1; ; attempt++) {
      Optional<VersionedDocument> current = read(userId, provider);
      if (current.isEmpty()) {
        return Optional.empty();
      }
      Connection removed = ConnectionDocument.toDomain(current.get().data());
      try {
        VersionedDocuments.delete(current.get());
      } catch (VersionConflictException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
        continue;
      }
      release(provider, removed.providerUserId(), userId);
      return Optional.of(removed);
    }
  }

  /**
   * Claims the account for {@code claimant}, or renews the claimant's lease on it.
   *
   * @throws ProviderAccountTakenException when another user holds it, or a save in flight may
   */
  private void claimAccount(Provider provider, String providerUserId, UserId claimant) {
    DocumentReference ref = claim(provider, providerUserId);
    Map<String, Object> mine = new LinkedHashMap<>();
    mine.put("userId", claimant.value());
    mine.put(
        "claimedAt", ActivityDocument.timestamp(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<VersionedDocument> current = VersionedDocuments.read(ref);
      if (current.isPresent()
          && !claimant.equals(holderOf(current.get()))
          && !isOrphan(current.get(), provider, providerUserId)) {
        throw new ProviderAccountTakenException(provider);
      }
      try {
        if (current.isEmpty()) {
          VersionedDocuments.create(ref, mine);
        } else {
          VersionedDocuments.replace(current.get(), mine);
        }
        return;
      } catch (VersionConflictException e) {
        // Another save moved first: read the claim again.
      }
    }
    throw new ProviderAccountTakenException(provider);
  }

  /** A claim past its lease whose holder's connection is missing or names another account. */
  private boolean isOrphan(VersionedDocument claim, Provider provider, String providerUserId) {
    Timestamp claimedAt = (Timestamp) claim.data().get("claimedAt");
    if (ActivityDocument.instant(claimedAt).plus(CLAIM_LEASE).isAfter(clock.instant())) {
      return false;
    }
    return read(holderOf(claim), provider)
        .filter(d -> ConnectionDocument.holds(d.data(), providerUserId))
        .isEmpty();
  }

  private boolean heldBy(Provider provider, String providerUserId, UserId userId) {
    return VersionedDocuments.read(claim(provider, providerUserId))
        .filter(claim -> userId.equals(holderOf(claim)))
        .isPresent();
  }

  /** Deletes the connection a save wrote, unless it changed since. */
  private void withdraw(Connection written) {
    read(written.userId(), written.provider())
        .filter(d -> written.equals(ConnectionDocument.toDomain(d.data())))
        .ifPresent(
            d -> {
              try {
                VersionedDocuments.delete(d);
              } catch (VersionConflictException e) {
                // Changed since: no longer this save's to withdraw.
              }
            });
  }

  /** Releases the user's claim unless their stored connection uses it; best effort. */
  private void releaseIfUnused(Provider provider, String providerUserId, UserId userId) {
    try {
      if (read(userId, provider)
          .filter(d -> ConnectionDocument.holds(d.data(), providerUserId))
          .isEmpty()) {
        release(provider, providerUserId, userId);
      }
    } catch (StoreUnavailableException e) {
      // Unreachable: the claim is an orphan now, and another user takes it over after its lease.
    }
  }

  /** Deletes the claim if {@code holder} still holds it; best effort. */
  private void release(Provider provider, String providerUserId, UserId holder) {
    try {
      Optional<VersionedDocument> current =
          VersionedDocuments.read(claim(provider, providerUserId));
      if (current.isPresent() && holder.equals(holderOf(current.get()))) {
        VersionedDocuments.delete(current.get());
      }
    } catch (VersionConflictException | StoreUnavailableException e) {
      // Taken over, or unreachable: an unused claim becomes an orphan after its lease.
    }
  }

  private Optional<VersionedDocument> read(UserId userId, Provider provider) {
    return VersionedDocuments.read(document(userId, provider));
  }

  private DocumentReference document(UserId userId, Provider provider) {
    return user(userId).collection(ConnectionDocument.COLLECTION).document(provider.wire());
  }

  private DocumentReference claim(Provider provider, String providerUserId) {
    return firestore
        .collection(ConnectionDocument.CLAIMS)
        .document(ConnectionDocument.claimId(provider, providerUserId));
  }

  private DocumentReference user(UserId userId) {
    return firestore.collection(ActivityDocument.USERS).document(userId.value());
  }

  private static UserId holderOf(VersionedDocument claim) {
    return new UserId((String) claim.data().get("userId"));
  }

  private static boolean isAccountId(String providerUserId) {
    return providerUserId != null
        && !providerUserId.isBlank()
        && providerUserId.length() <= MAX_PROVIDER_USER_ID;
  }
}
