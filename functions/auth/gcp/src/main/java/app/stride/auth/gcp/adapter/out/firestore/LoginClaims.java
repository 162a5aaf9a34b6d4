package app.stride.auth.gcp.adapter.out.firestore;

import app.stride.auth.application.port.out.AccountStore.EmailTakenException;
import app.stride.auth.domain.Account;
import app.stride.auth.domain.UserId;
import app.stride.core.store.VersionConflictException;
import app.stride.gcp.firestore.FirestoreCalls;
import com.google.cloud.Timestamp;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Precondition;
import com.google.cloud.firestore.WriteResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The login-claim protocol, without transactions. Readers trust a claim only when the account it
 * points at exists and holds it. A writer respects any other account's claim that is either live in
 * that sense or younger than the {@link #LEASE} (it may belong to a create or link still in
 * flight); an older claim whose account never arrived, was rolled back, was deleted or dropped the
 * identifier is an orphan and is taken over.
 *
 * <p>An account write takes its new claims first ({@link #acquire}: {@code create}, or a takeover
 * of a stale claim conditioned on the update time it was judged stale at), then writes the account,
 * then {@link #confirm confirms} each claim with an update conditioned on the time it took it. A
 * rival that judged the claim stale before the account was written can only take it over before the
 * confirmation; the confirmation then fails and the account write is undone. So of two writers
 * racing for one identifier, exactly one keeps it, even when one of them stalls beyond the lease.
 */
final class LoginClaims {
  private static final Logger log = LoggerFactory.getLogger(LoginClaims.class);
  private static final int ATTEMPTS = 3;

  /** How long a claim without its account is presumed to belong to a write in flight. */
  static final Duration LEASE = Duration.ofMinutes(1);

  /**
   * A claim the running write holds.
   *
   * @param claim the identifier
   * @param ref its document
   * @param updateTime the document's update time after this write's last change; the next
   *     conditional write must match it
   * @param written whether this write created or took over the document (a rollback releases it)
   */
  record Held(LoginClaim claim, DocumentReference ref, Timestamp updateTime, boolean written) {}

  private final CollectionReference claims;
  private final Function<UserId, Optional<Account>> accounts;
  private final Clock clock;

  /**
   * @param accounts reads an account by id, without residency checks (a claim may point anywhere)
   */
  LoginClaims(Firestore firestore, Function<UserId, Optional<Account>> accounts, Clock clock) {
    this.claims = firestore.collection(LoginClaimDocument.COLLECTION);
    this.accounts = accounts;
    this.clock = clock;
  }

  /** The live account holding {@code claim}, if any. */
  Optional<Account> holder(LoginClaim claim) {
    DocumentSnapshot snapshot = FirestoreCalls.await(document(claim).get());
    if (!snapshot.exists()) {
      return Optional.empty();
    }
    return holderAccount(snapshot).filter(claim::heldBy);
  }

  /**
   * Takes {@code claim} for {@code owner}.
   *
   * @throws EmailTakenException when another live account holds it
   * @throws VersionConflictException when rivals kept changing it
   */
  Held acquire(LoginClaim claim, UserId owner) {
    DocumentReference ref = document(claim);
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Map<String, Object> fields =
          new LoginClaimDocument(
                  claim.key(), owner.value(), false, FirestoreTimes.toTimestamp(clock.instant()))
              .toFields();
      try {
        WriteResult created = FirestoreCalls.await(ref.create(fields));
        return new Held(claim, ref, created.getUpdateTime(), true);
      } catch (VersionConflictException exists) {
        log.debug("login claim exists, checking its holder");
      }
      DocumentSnapshot current = FirestoreCalls.await(ref.get());
      if (!current.exists()) {
        continue;
      }
      String holder = current.getString(LoginClaimDocument.USER_ID);
      if (owner.value().equals(holder)) {
        return new Held(claim, ref, current.getUpdateTime(), false);
      }
      if (holderAccount(current).filter(claim::heldBy).isPresent() || leased(current)) {
        throw new EmailTakenException();
      }
      try {
        WriteResult taken =
            FirestoreCalls.await(
                ref.update(fields, Precondition.updatedAt(current.getUpdateTime())));
        return new Held(claim, ref, taken.getUpdateTime(), true);
      } catch (VersionConflictException changed) {
        log.debug("stale login claim changed while taking it over, attempt {}", attempt);
      }
    }
    throw new VersionConflictException("a login claim is contended");
  }

  /**
   * Confirms a claim after the account was written.
   *
   * @throws VersionConflictException when a rival took the claim over meanwhile
   */
  Held confirm(Held held) {
    WriteResult confirmed =
        FirestoreCalls.await(
            held.ref()
                .update(
                    Map.of(LoginClaimDocument.CONFIRMED, true),
                    Precondition.updatedAt(held.updateTime())));
    return new Held(held.claim(), held.ref(), confirmed.getUpdateTime(), held.written());
  }

  /**
   * Undoes what this write did to the claims: deletes each one it created or took over, unless a
   * rival changed it since. Never throws: a claim left behind is stale and is taken over later.
   */
  void rollBack(List<Held> held) {
    for (Held h : held) {
      if (!h.written()) {
        continue;
      }
      try {
        FirestoreCalls.await(h.ref().delete(Precondition.updatedAt(h.updateTime())));
      } catch (VersionConflictException taken) {
        log.debug("login claim changed before its rollback; left to its new holder");
      } catch (RuntimeException e) {
        log.warn("a login claim could not be rolled back; it stays until taken over", e);
      }
    }
  }

  /**
   * Deletes {@code claim} if it still points at {@code owner}. Never throws for a lost race: a
   * claim left behind is stale, because its account no longer holds it.
   */
  void release(LoginClaim claim, UserId owner) {
    DocumentReference ref = document(claim);
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      DocumentSnapshot current = FirestoreCalls.await(ref.get());
      if (!current.exists()
          || !owner.value().equals(current.getString(LoginClaimDocument.USER_ID))) {
        return;
      }
      try {
        FirestoreCalls.await(ref.delete(Precondition.updatedAt(current.getUpdateTime())));
        return;
      } catch (VersionConflictException changed) {
        log.debug("login claim changed while releasing it, attempt {}", attempt);
      }
    }
    log.warn("a login claim stays after {} contended release attempts; it is stale", ATTEMPTS);
  }

  /** Whether the claim is young enough to belong to a write still in flight. */
  private boolean leased(DocumentSnapshot claim) {
    Timestamp claimedAt = claim.getTimestamp(LoginClaimDocument.CLAIMED_AT);
    if (claimedAt == null) {
      return false;
    }
    Instant since = Instant.ofEpochSecond(claimedAt.getSeconds(), claimedAt.getNanos());
    return since.plus(LEASE).isAfter(clock.instant());
  }

  private Optional<Account> holderAccount(DocumentSnapshot claim) {
    String holder = claim.getString(LoginClaimDocument.USER_ID);
    if (holder == null) {
      return Optional.empty();
    }
    try {
      return accounts.apply(new UserId(holder));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  private DocumentReference document(LoginClaim claim) {
    return claims.document(claim.documentId());
  }
}
