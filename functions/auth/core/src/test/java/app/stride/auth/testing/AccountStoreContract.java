package app.stride.auth.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.auth.application.port.out.AccountStore;
import app.stride.auth.application.port.out.AccountStore.EmailTakenException;
import app.stride.auth.domain.Account;
import app.stride.auth.domain.Mfa;
import app.stride.auth.domain.SocialLink;
import app.stride.auth.domain.UserId;
import app.stride.core.event.OutboundEvent;
import app.stride.core.problem.ProblemException;
import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AccountStore} adapter must do. A subclass supplies an empty store bound to
 * {@link #HOME} and a way to leave claims behind without their account, as a crash would.
 *
 * <p>Beyond the port's Javadoc this fixes two choices every adapter shares: a claim without its
 * account is respected for a short lease (at most a minute; it may belong to a create still in
 * flight) and taken over after it ({@link #ORPHAN_AGE} is well past it); and {@code delete} checks
 * the account's version like {@code update} does.
 */
public abstract class AccountStoreContract {
  /** The region the store under test serves. */
  protected static final RegionId HOME = RegionId.of("eu");

  /** Claims older than this without their account are orphans every adapter takes over. */
  protected static final Duration ORPHAN_AGE = Duration.ofMinutes(10);

  private static final Instant CREATED = Instant.parse("2026-03-01T08:15:30.123456789Z");
  private static final SocialLink GOOGLE = new SocialLink("google", "1098765432");
  private static final SocialLink APPLE = new SocialLink("apple", "001234.abcdef.0042");

  private AccountStore store;

  /** A new, empty store of region {@link #HOME}. */
  protected abstract AccountStore newStore();

  /**
   * Writes the email and social-link claims of {@code account}, dated {@code claimedAt}, into
   * {@code store} without writing the account: what a crash between the two writes leaves.
   */
  protected abstract void leaveClaimsWithoutAccount(
      AccountStore store, Account account, Instant claimedAt);

  @BeforeEach
  void freshStore() {
    store = newStore();
  }

  @Test
  void create_thenFindsTheAccountByIdEmailAndSocialLink() {
    Account ann = account("ann@example.com", GOOGLE, APPLE);

    store.create(ann);

    assertThat(store.findById(ann.id())).contains(ann);
    assertThat(store.findByEmail("ann@example.com")).contains(ann);
    assertThat(store.findBySocialLink(GOOGLE)).contains(ann);
    assertThat(store.findBySocialLink(APPLE)).contains(ann);
  }

  @Test
  void create_keepsEveryField() {
    Account full =
        new Account(
            UserId.random(),
            HOME,
            "full@example.com",
            true,
            "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g",
            Locale.forLanguageTag("de-AT"),
            new Mfa("JBSWY3DPEHPK3PXP", "KRSXG5DSMVZXIZLT", 58_000_123L, List.of("h1", "h2")),
            List.of(GOOGLE),
            CREATED.plusSeconds(60),
            CREATED,
            1);

    store.create(full);

    assertThat(store.findById(full.id())).contains(full);
  }

  @Test
  void create_keepsAnAccountWithoutPassword() {
    Account social =
        Account.create(
            UserId.random(),
            HOME,
            "s@example.com",
            true,
            null,
            Locale.ENGLISH,
            List.of(APPLE),
            CREATED);

    store.create(social);

    assertThat(store.findBySocialLink(APPLE)).contains(social);
    assertThat(store.findById(social.id()).orElseThrow().password()).isEmpty();
  }

  @Test
  void find_unknownIdentifiers_areEmpty() {
    store.create(account("ann@example.com", GOOGLE));

    assertThat(store.findById(UserId.random())).isEmpty();
    assertThat(store.findByEmail("bob@example.com")).isEmpty();
    assertThat(store.findBySocialLink(new SocialLink("google", "other"))).isEmpty();
  }

  @Test
  void create_rejectsAnEmailHeldByAnotherAccount() {
    Account ann = account("ann@example.com");
    store.create(ann);
    Account impostor = account("ann@example.com");

    assertThatThrownBy(() -> store.create(impostor)).isInstanceOf(EmailTakenException.class);

    assertThat(store.findById(impostor.id())).isEmpty();
    assertThat(store.findByEmail("ann@example.com")).contains(ann);
  }

  @Test
  void create_rejectsASocialLinkHeldByAnotherAccount() {
    Account ann = account("ann@example.com", GOOGLE);
    store.create(ann);
    Account bob = account("bob@example.com", GOOGLE);

    assertThatThrownBy(() -> store.create(bob)).isInstanceOf(EmailTakenException.class);

    assertThat(store.findById(bob.id())).isEmpty();
    assertThat(store.findByEmail("bob@example.com")).isEmpty();
    assertThat(store.findBySocialLink(GOOGLE)).contains(ann);
  }

  @Test
  void create_afterARejectedLink_theEmailIsStillFree() {
    store.create(account("ann@example.com", GOOGLE));
    assertThatThrownBy(() -> store.create(account("bob@example.com", GOOGLE)))
        .isInstanceOf(EmailTakenException.class);
    Account bob = account("bob@example.com");

    store.create(bob);

    assertThat(store.findByEmail("bob@example.com")).contains(bob);
  }

  @Test
  void create_rejectsAnExistingId() {
    Account ann = account("ann@example.com");
    store.create(ann);
    Account sameId =
        Account.create(
            ann.id(), HOME, "other@example.com", false, "h", Locale.ENGLISH, List.of(), CREATED);

    assertThatThrownBy(() -> store.create(sameId)).isInstanceOf(VersionConflictException.class);

    assertThat(store.findById(ann.id())).contains(ann);
  }

  @Test
  void create_sameEmailOnEightThreads_exactlyOneWins() throws Exception {
    List<ConcurrentCalls.Outcome<Account>> outcomes =
        ConcurrentCalls.race(
            8,
            () -> {
              Account a = account("race@example.com");
              store.create(a);
              return a;
            });

    List<Account> winners =
        outcomes.stream().filter(ConcurrentCalls.Outcome::succeeded).map(o -> o.result()).toList();
    assertThat(winners).hasSize(1);
    assertThat(outcomes.stream().filter(o -> !o.succeeded()))
        .allSatisfy(o -> assertThat(o.failure()).isInstanceOf(EmailTakenException.class));
    assertThat(store.findByEmail("race@example.com")).contains(winners.get(0));
  }

  @Test
  void find_treatsAnOrphanClaimAsAbsent() {
    Account ghost = account("ghost@example.com", GOOGLE);
    leaveClaimsWithoutAccount(store, ghost, Instant.now());

    assertThat(store.findByEmail("ghost@example.com")).isEmpty();
    assertThat(store.findBySocialLink(GOOGLE)).isEmpty();
    assertThat(store.findById(ghost.id())).isEmpty();
  }

  @Test
  void create_takesOverOrphanClaims() {
    Account ghost = account("ann@example.com", GOOGLE);
    leaveClaimsWithoutAccount(store, ghost, Instant.now().minus(ORPHAN_AGE));
    Account ann = account("ann@example.com", GOOGLE);

    store.create(ann);

    assertThat(store.findByEmail("ann@example.com")).contains(ann);
    assertThat(store.findBySocialLink(GOOGLE)).contains(ann);
  }

  @Test
  void create_takesOverAnOrphanClaimLeftByItsOwnEarlierAttempt() {
    Account ann = account("ann@example.com", GOOGLE);
    leaveClaimsWithoutAccount(store, ann, Instant.now());

    store.create(ann);

    assertThat(store.findByEmail("ann@example.com")).contains(ann);
  }

  @Test
  void create_respectsAFreshClaimOfAnotherCreateInFlight() {
    leaveClaimsWithoutAccount(store, account("ann@example.com"), Instant.now());
    Account late = account("ann@example.com");

    assertThatThrownBy(() -> store.create(late)).isInstanceOf(EmailTakenException.class);

    assertThat(store.findById(late.id())).isEmpty();
  }

  @Test
  void update_replacesTheAccount() {
    Account ann = account("ann@example.com");
    store.create(ann);
    Account verified = ann.withEmailVerified();

    store.update(verified, 1);

    assertThat(store.findById(ann.id())).contains(verified);
    assertThat(store.findByEmail("ann@example.com")).contains(verified);
  }

  @Test
  void update_withAStaleVersion_failsAndChangesNothing() {
    Account ann = account("ann@example.com");
    store.create(ann);
    Account v2 = ann.withEmailVerified();
    store.update(v2, 1);
    Account staleEdit = ann.withPasswordHash("$argon2id$other");

    assertThatThrownBy(() -> store.update(staleEdit, 1))
        .isInstanceOf(VersionConflictException.class);

    assertThat(store.findById(ann.id())).contains(v2);
  }

  @Test
  void update_ofAMissingAccount_isAVersionConflict() {
    Account never = account("never@example.com");

    assertThatThrownBy(() -> store.update(never.withEmailVerified(), 1))
        .isInstanceOf(VersionConflictException.class);

    assertThat(store.findById(never.id())).isEmpty();
  }

  @Test
  void update_claimsAnAddedSocialLink() {
    Account ann = account("ann@example.com");
    store.create(ann);
    Account linked = ann.withSocialLink(APPLE);

    store.update(linked, 1);

    assertThat(store.findBySocialLink(APPLE)).contains(linked);
  }

  @Test
  void update_rejectsASocialLinkHeldByAnotherAccount() {
    Account ann = account("ann@example.com", APPLE);
    Account bob = account("bob@example.com");
    store.create(ann);
    store.create(bob);

    assertThatThrownBy(() -> store.update(bob.withSocialLink(APPLE), 1))
        .isInstanceOf(EmailTakenException.class);

    assertThat(store.findById(bob.id())).contains(bob);
    assertThat(store.findBySocialLink(APPLE)).contains(ann);
  }

  @Test
  void delete_removesTheAccountAndFreesItsIdentifiers() {
    Account ann = account("ann@example.com", GOOGLE);
    store.create(ann);

    store.delete(ann, deletedEvent(ann));

    assertThat(store.findById(ann.id())).isEmpty();
    assertThat(store.findByEmail("ann@example.com")).isEmpty();
    assertThat(store.findBySocialLink(GOOGLE)).isEmpty();
    Account again = account("ann@example.com", GOOGLE);
    store.create(again);
    assertThat(store.findByEmail("ann@example.com")).contains(again);
  }

  @Test
  void delete_leavesATombstoneListedUntilMarkPublished() {
    Account ann = account("ann@example.com");
    store.create(ann);
    OutboundEvent deleted = deletedEvent(ann);

    store.delete(ann, deleted);

    List<OutboundEvent> pending = store.pendingDeletions(10);
    assertThat(pending).hasSize(1);
    assertSameEvent(pending.get(0), deleted);

    store.markPublished(ann.id(), deleted.id());

    assertThat(store.pendingDeletions(10)).isEmpty();
    assertThat(store.findById(ann.id())).isEmpty();
  }

  @Test
  void markPublished_ofAnotherEventId_keepsTheTombstone() {
    Account ann = account("ann@example.com");
    store.create(ann);
    OutboundEvent deleted = deletedEvent(ann);
    store.delete(ann, deleted);

    store.markPublished(ann.id(), UUID.randomUUID().toString());

    assertThat(store.pendingDeletions(10)).hasSize(1);
  }

  @Test
  void markPublished_withoutTombstone_doesNothing() {
    store.markPublished(UserId.random(), UUID.randomUUID().toString());

    assertThat(store.pendingDeletions(10)).isEmpty();
  }

  @Test
  void pendingDeletions_areOldestFirstAndLimited() throws InterruptedException {
    List<OutboundEvent> events = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Account a = account("user" + i + "@example.com");
      store.create(a);
      OutboundEvent e = deletedEvent(a);
      store.delete(a, e);
      events.add(e);
      Thread.sleep(5);
    }

    assertThat(store.pendingDeletions(2))
        .extracting(OutboundEvent::id)
        .containsExactly(events.get(0).id(), events.get(1).id());
    assertThat(store.pendingDeletions(10))
        .extracting(OutboundEvent::id)
        .containsExactly(events.get(0).id(), events.get(1).id(), events.get(2).id());
  }

  @Test
  void delete_withAStaleVersion_failsAndLeavesNoTombstone() {
    Account ann = account("ann@example.com");
    store.create(ann);
    store.update(ann.withEmailVerified(), 1);

    assertThatThrownBy(() -> store.delete(ann, deletedEvent(ann)))
        .isInstanceOf(VersionConflictException.class);

    assertThat(store.findById(ann.id())).isPresent();
    assertThat(store.pendingDeletions(10)).isEmpty();
  }

  @Test
  void writes_forAnotherHomeRegion_areRefusedAndChangeNothing() {
    Account foreign =
        Account.create(
            UserId.random(),
            RegionId.of("us"),
            "far@example.com",
            false,
            "h",
            Locale.ENGLISH,
            List.of(GOOGLE),
            CREATED);

    assertThatThrownBy(() -> store.create(foreign)).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> store.update(foreign.withEmailVerified(), 1))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> store.delete(foreign, deletedEvent(foreign)))
        .isInstanceOf(ProblemException.class);

    assertThat(store.findById(foreign.id())).isEmpty();
    assertThat(store.findByEmail("far@example.com")).isEmpty();
    assertThat(store.findBySocialLink(GOOGLE)).isEmpty();
    assertThat(store.pendingDeletions(10)).isEmpty();
  }

  /** A new version-1 account of {@link #HOME}. */
  protected static Account account(String email, SocialLink... links) {
    return Account.create(
        UserId.random(),
        HOME,
        email,
        false,
        "$argon2id$v=19$m=19456,t=2,p=1$s$h",
        Locale.ENGLISH,
        List.of(links),
        CREATED);
  }

  /** A deletion event of {@code account}. */
  protected static OutboundEvent deletedEvent(Account account) {
    String id = UUID.randomUUID().toString();
    String json =
        "{\"specversion\":\"1.0\",\"id\":\""
            + id
            + "\",\"type\":\"app.stride.user.v1.deleted\","
            + "\"subject\":\""
            + account.id()
            + "\"}";
    return new OutboundEvent(
        id,
        "app.stride.user.v1.deleted",
        account.id().value(),
        json.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertSameEvent(OutboundEvent actual, OutboundEvent expected) {
    assertThat(actual.id()).isEqualTo(expected.id());
    assertThat(actual.type()).isEqualTo(expected.type());
    assertThat(actual.subject()).isEqualTo(expected.subject());
    assertThat(actual.json()).isEqualTo(expected.json());
  }
}
