package app.stride.auth.gcp.adapter.out.firestore;

import app.stride.auth.application.port.out.AccountStore;
import app.stride.auth.domain.Account;
import app.stride.auth.domain.SocialLink;
import app.stride.auth.domain.UserId;
import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.core.store.VersionConflictException;
import app.stride.gcp.firestore.FirestoreCalls;
import app.stride.gcp.firestore.VersionedDocument;
import app.stride.gcp.firestore.VersionedDocuments;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Precondition;
import com.google.cloud.firestore.QuerySnapshot;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts of one Firestore region: {@value AccountDocument#COLLECTION} with its login claims
 * ({@value LoginClaimDocument#COLLECTION}, see {@link LoginClaims} for the protocol that keeps one
 * identifier with one account without transactions) and deletion tombstones ({@value
 * TombstoneDocument#COLLECTION}).
 *
 * <p>Residency: every account written or returned must be homed in this store's region ({@link
 * ResidencyGuard}); a foreign account is refused before anything is written.
 */
public final class FirestoreAccountStore implements AccountStore {
  private static final Logger log = LoggerFactory.getLogger(FirestoreAccountStore.class);
  private static final int ATTEMPTS = 3;

  private final CollectionReference accounts;
  private final CollectionReference tombstones;
  private final ResidencyGuard guard;
  private final Clock clock;
  private final LoginClaims claims;

  /** A store over {@code firestore} serving only accounts homed in {@code region}. */
  public FirestoreAccountStore(Firestore firestore, RegionId region, Clock clock) {
    Objects.requireNonNull(firestore, "firestore");
    this.accounts = firestore.collection(AccountDocument.COLLECTION);
    this.tombstones = firestore.collection(TombstoneDocument.COLLECTION);
    this.guard = new ResidencyGuard(region);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.claims = new LoginClaims(firestore, this::read, clock);
  }

  @Override
  public Optional<Account> findById(UserId id) {
    return read(id).map(this::local);
  }

  @Override
  public Optional<Account> findByEmail(String email) {
    return claims.holder(LoginClaim.email(email)).map(this::local);
  }

  @Override
  public Optional<Account> findBySocialLink(SocialLink link) {
    return claims.holder(LoginClaim.social(link)).map(this::local);
  }

  @Override
  public void create(Account account) {
    guard.requireHome(account.home());
    if (account.version() != 1) {
      throw new IllegalArgumentException("a new account is at version 1");
    }
    DocumentReference ref = document(account.id());
    if (FirestoreCalls.await(ref.get()).exists()
        || FirestoreCalls.await(tombstones.document(account.id().value()).get()).exists()) {
      throw new VersionConflictException("account " + account.id() + " exists or was deleted");
    }
    List<LoginClaims.Held> held = new ArrayList<>();
    Timestamp written = null;
    try {
      for (LoginClaim claim : LoginClaim.of(account)) {
        held.add(claims.acquire(claim, account.id()));
      }
      written =
          FirestoreCalls.await(ref.create(AccountDocumentMapper.toDocument(account).toFields()))
              .getUpdateTime();
      confirmAll(held);
    } catch (RuntimeException e) {
      if (written != null) {
        deleteQuietly(ref, written);
      }
      claims.rollBack(held);
      if (written != null && e instanceof VersionConflictException) {
        throw new EmailTakenException();
      }
      throw e;
    }
  }

  @Override
  public void update(Account next, long expectedVersion) {
    guard.requireHome(next.home());
    if (next.version() != expectedVersion + 1) {
      throw new IllegalArgumentException("the next version must be expectedVersion + 1");
    }
    VersionedDocument current =
        VersionedDocuments.read(document(next.id()))
            .orElseThrow(() -> new VersionConflictException("account " + next.id() + " is gone"));
    if (current.version() != expectedVersion) {
      throw new VersionConflictException(
          "account " + next.id() + " is not at version " + expectedVersion);
    }
    Account stored = toAccount(current.snapshot());
    List<LoginClaim> before = LoginClaim.of(stored);
    List<LoginClaim> after = LoginClaim.of(next);
    List<LoginClaims.Held> held = new ArrayList<>();
    try {
      for (LoginClaim claim : after) {
        if (!before.contains(claim)) {
          held.add(claims.acquire(claim, next.id()));
        }
      }
      VersionedDocuments.replace(current, AccountDocumentMapper.toDocument(next).toFields());
    } catch (RuntimeException e) {
      claims.rollBack(held);
      throw e;
    }
    try {
      confirmAll(held);
    } catch (VersionConflictException lost) {
      revert(stored, next.version());
      claims.rollBack(held);
      throw new EmailTakenException();
    }
    for (LoginClaim claim : before) {
      if (!after.contains(claim)) {
        claims.release(claim, next.id());
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>The account must still be at {@code account.version()}, else {@link
   * VersionConflictException}; deleting an account already deleted whose tombstone is still there
   * changes nothing. The tombstone is written first, so the deletion event can never be lost; if
   * the account then turns out to have changed, the event is taken back out.
   */
  @Override
  public void delete(Account account, OutboundEvent deleted) {
    guard.requireHome(account.home());
    Objects.requireNonNull(deleted, "deleted");
    Optional<VersionedDocument> current = VersionedDocuments.read(document(account.id()));
    if (current.isEmpty()) {
      if (!FirestoreCalls.await(tombstones.document(account.id().value()).get()).exists()) {
        throw new VersionConflictException("account " + account.id() + " is gone");
      }
      releaseAll(LoginClaim.of(account), account.id());
      return;
    }
    if (current.get().version() != account.version()) {
      throw new VersionConflictException(
          "account " + account.id() + " is not at version " + account.version());
    }
    Account stored = toAccount(current.get().snapshot());
    addToTombstone(account.id(), deleted);
    try {
      VersionedDocuments.delete(current.get());
    } catch (VersionConflictException changed) {
      removeFromTombstone(account.id(), deleted.id());
      throw changed;
    }
    Set<LoginClaim> held = new LinkedHashSet<>(LoginClaim.of(stored));
    held.addAll(LoginClaim.of(account));
    releaseAll(held, account.id());
  }

  @Override
  public List<OutboundEvent> pendingDeletions(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    QuerySnapshot pending =
        FirestoreCalls.await(
            tombstones.orderBy(TombstoneDocument.PENDING_SINCE).limit(limit).get());
    List<OutboundEvent> events = new ArrayList<>();
    for (DocumentSnapshot snapshot : pending.getDocuments()) {
      for (Map.Entry<String, TombstoneEvent> entry :
          TombstoneDocument.fromSnapshot(snapshot).oldestFirst()) {
        if (events.size() == limit) {
          return events;
        }
        events.add(entry.getValue().toEvent(entry.getKey()));
      }
    }
    return events;
  }

  @Override
  public void markPublished(UserId userId, String eventId) {
    removeFromTombstone(userId, eventId);
  }

  /** Removes a pending event, and the tombstone with its last one. */
  private void removeFromTombstone(UserId userId, String eventId) {
    DocumentReference ref = tombstones.document(userId.value());
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Optional<VersionedDocument> current = VersionedDocuments.read(ref);
      if (current.isEmpty()) {
        return;
      }
      TombstoneDocument stored = TombstoneDocument.fromSnapshot(current.get().snapshot());
      if (!stored.events().containsKey(eventId)) {
        return;
      }
      TombstoneDocument rest = stored.without(eventId);
      try {
        if (rest.events().isEmpty()) {
          VersionedDocuments.delete(current.get());
        } else {
          VersionedDocuments.replace(current.get(), rest.toFields());
        }
        return;
      } catch (VersionConflictException e) {
        log.debug("tombstone changed while removing an event, attempt {}", attempt);
      }
    }
    // Still pending: the relay publishes it again; consumers deduplicate on the event id.
    log.warn("event={} stays in its tombstone after {} contended attempts", eventId, ATTEMPTS);
  }

  private void addToTombstone(UserId userId, OutboundEvent event) {
    DocumentReference ref = tombstones.document(userId.value());
    TombstoneEvent entry = TombstoneEvent.of(event, FirestoreTimes.toTimestamp(clock.instant()));
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Optional<VersionedDocument> current = VersionedDocuments.read(ref);
      try {
        if (current.isEmpty()) {
          VersionedDocuments.create(
              ref, new TombstoneDocument(userId.value(), Map.of(event.id(), entry)).toFields());
          return;
        }
        TombstoneDocument stored = TombstoneDocument.fromSnapshot(current.get().snapshot());
        if (!stored.events().containsKey(event.id())) {
          VersionedDocuments.replace(current.get(), stored.with(event.id(), entry).toFields());
        }
        return;
      } catch (VersionConflictException e) {
        log.debug("tombstone changed while adding an event, attempt {}", attempt);
      }
    }
    throw new VersionConflictException("the tombstone of " + userId + " is contended");
  }

  private void releaseAll(java.util.Collection<LoginClaim> held, UserId owner) {
    held.forEach(claim -> claims.release(claim, owner));
  }

  private void confirmAll(List<LoginClaims.Held> held) {
    for (int i = 0; i < held.size(); i++) {
      held.set(i, claims.confirm(held.get(i)));
    }
  }

  /** Puts back {@code previous} over the version this call wrote, at a later version. */
  private void revert(Account previous, long writtenVersion) {
    Account restored =
        new Account(
            previous.id(),
            previous.home(),
            previous.email(),
            previous.emailVerified(),
            previous.passwordHash(),
            previous.locale(),
            previous.mfa(),
            previous.socialLinks(),
            previous.sessionsValidAfter(),
            previous.createdAt(),
            writtenVersion + 1);
    try {
      VersionedDocuments.replace(
          document(previous.id()),
          AccountDocumentMapper.toDocument(restored).toFields(),
          writtenVersion);
    } catch (RuntimeException e) {
      log.warn("could not undo an account update that lost a login claim", e);
    }
  }

  private void deleteQuietly(DocumentReference ref, Timestamp writtenAt) {
    try {
      FirestoreCalls.await(ref.delete(Precondition.updatedAt(writtenAt)));
    } catch (RuntimeException e) {
      log.warn("could not undo an account creation that lost a login claim", e);
    }
  }

  private Optional<Account> read(UserId id) {
    DocumentSnapshot snapshot = FirestoreCalls.await(document(id).get());
    return snapshot.exists() ? Optional.of(toAccount(snapshot)) : Optional.empty();
  }

  private Account local(Account account) {
    guard.requireHome(account.home());
    return account;
  }

  private static Account toAccount(DocumentSnapshot snapshot) {
    return AccountDocumentMapper.toAccount(AccountDocument.fromSnapshot(snapshot));
  }

  private DocumentReference document(UserId id) {
    return accounts.document(id.value());
  }
}
