package app.stride.auth.gcp.adapter.out.firestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.auth.application.port.out.AccountStore.EmailTakenException;
import app.stride.auth.domain.Account;
import app.stride.auth.domain.UserId;
import app.stride.core.store.VersionConflictException;
import app.stride.testkit.junit.FirestoreExtension;
import com.google.cloud.firestore.Firestore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The claim protocol's race handling on the real emulator: a write that stalls past the lease loses
 * its claim to a rival and notices it when confirming.
 */
class LoginClaimsIT {
  @RegisterExtension static final FirestoreExtension FIRESTORE = new FirestoreExtension();

  private static final LoginClaim CLAIM = LoginClaim.email("ann@example.com");

  private static EmulatorFirestore emulator;
  private final Map<UserId, Account> accounts = new HashMap<>();
  private Instant now = Instant.parse("2026-03-01T08:00:00Z");
  private LoginClaims claims;

  @BeforeAll
  static void connect() {
    emulator = new EmulatorFirestore(FIRESTORE);
  }

  @AfterAll
  static void close() throws Exception {
    emulator.close();
  }

  @BeforeEach
  void emptyStore() throws Exception {
    Firestore firestore = emulator.next();
    Clock clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now;
          }
        };
    claims = new LoginClaims(firestore, id -> Optional.ofNullable(accounts.get(id)), clock);
  }

  @Test
  void acquire_ofAClaimWithinItsLease_isTaken() {
    claims.acquire(CLAIM, UserId.random());
    now = now.plus(LoginClaims.LEASE).minusSeconds(1);

    assertThatThrownBy(() -> claims.acquire(CLAIM, UserId.random()))
        .isInstanceOf(EmailTakenException.class);
  }

  @Test
  void confirm_afterARivalTookTheClaimOver_fails_andRollbackLeavesTheRivalsClaim()
      throws Exception {
    UserId slow = UserId.random();
    LoginClaims.Held stalled = claims.acquire(CLAIM, slow);
    now = now.plus(LoginClaims.LEASE).plusSeconds(1);
    UserId rival = UserId.random();
    LoginClaims.Held taken = claims.acquire(CLAIM, rival);
    claims.confirm(taken);

    assertThatThrownBy(() -> claims.confirm(stalled)).isInstanceOf(VersionConflictException.class);
    claims.rollBack(List.of(stalled));

    assertThat(holderOfClaim()).isEqualTo(rival.value());
  }

  @Test
  void acquire_ofALiveAccountsClaim_isTaken_evenPastTheLease() {
    Account ann =
        Account.create(
            UserId.random(),
            app.stride.core.region.RegionId.of("apac"),
            "ann@example.com",
            true,
            "h",
            java.util.Locale.ENGLISH,
            List.of(),
            now);
    accounts.put(ann.id(), ann);
    claims.confirm(claims.acquire(CLAIM, ann.id()));
    now = now.plus(LoginClaims.LEASE).plusSeconds(3600);

    assertThatThrownBy(() -> claims.acquire(CLAIM, UserId.random()))
        .isInstanceOf(EmailTakenException.class);
    assertThat(claims.holder(CLAIM)).contains(ann);
  }

  @Test
  void release_leavesAClaimOfAnotherHolder() throws Exception {
    UserId holder = UserId.random();
    claims.acquire(CLAIM, holder);

    claims.release(CLAIM, UserId.random());

    assertThat(holderOfClaim()).isEqualTo(holder.value());
  }

  private String holderOfClaim() throws Exception {
    return emulator
        .stored(LoginClaimDocument.COLLECTION, CLAIM.documentId())
        .getString(LoginClaimDocument.USER_ID);
  }
}
