package app.stride.auth.testing;

import app.stride.auth.application.port.out.AccountStore;
import app.stride.auth.domain.Account;
import app.stride.auth.domain.SocialLink;
import app.stride.auth.domain.UserId;
import app.stride.core.event.OutboundEvent;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.core.store.VersionConflictException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An {@link AccountStore} in memory, for service tests. Thread-safe (every method holds the store's
 * lock) and with the semantics of the cloud adapters: a claim for the email and for each social
 * link, optimistic versions, tombstones until published, a residency guard on writes. A claim whose
 * account is missing (or no longer holds the identifier) is treated as absent by readers and taken
 * over by {@link #create} once it is older than {@link #CLAIM_LEASE}; a younger one may belong to a
 * create still in flight.
 */
public final class InMemoryAccountStore implements AccountStore {
  /** How long a claim without its account is presumed to belong to a create in flight. */
  public static final Duration CLAIM_LEASE = Duration.ofMinutes(1);

  private final ResidencyGuard guard;
  private final Clock clock;
  private final Map<UserId, Account> accounts = new HashMap<>();
  private final Map<String, Claim> emailClaims = new HashMap<>();
  private final Map<SocialLink, Claim> socialClaims = new HashMap<>();
  private final Map<UserId, OutboundEvent> tombstones = new LinkedHashMap<>();

  /** A store of the accounts whose home is {@code region}. */
  public InMemoryAccountStore(RegionId region) {
    this(region, Clock.systemUTC());
  }

  /** A store of the accounts whose home is {@code region}, dating claims by {@code clock}. */
  public InMemoryAccountStore(RegionId region, Clock clock) {
    this.guard = new ResidencyGuard(region);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized Optional<Account> findById(UserId id) {
    return Optional.ofNullable(accounts.get(id));
  }

  @Override
  public synchronized Optional<Account> findByEmail(String email) {
    return Optional.ofNullable(emailClaims.get(email))
        .map(c -> accounts.get(c.holder()))
        .filter(a -> a.email().equals(email));
  }

  @Override
  public synchronized Optional<Account> findBySocialLink(SocialLink link) {
    return Optional.ofNullable(socialClaims.get(link))
        .map(c -> accounts.get(c.holder()))
        .filter(a -> a.socialLinks().contains(link));
  }

  @Override
  public synchronized void create(Account account) {
    guard.requireHome(account.home());
    if (account.version() != 1) {
      throw new IllegalArgumentException("a new account has version 1");
    }
    if (accounts.containsKey(account.id())) {
      throw new VersionConflictException("the account exists");
    }
    if (heldByOther(emailClaims.get(account.email()), account.id(), holdsEmail(account.email()))
        || account.socialLinks().stream()
            .anyMatch(l -> heldByOther(socialClaims.get(l), account.id(), holdsLink(l)))) {
      throw new EmailTakenException();
    }
    claimAll(account, clock.instant());
    accounts.put(account.id(), account);
  }

  @Override
  public synchronized void update(Account next, long expectedVersion) {
    guard.requireHome(next.home());
    if (next.version() != expectedVersion + 1) {
      throw new IllegalArgumentException("the next version must be expectedVersion + 1");
    }
    Account current = accounts.get(next.id());
    if (current == null || current.version() != expectedVersion) {
      throw new VersionConflictException("the account changed or is gone");
    }
    if (!next.email().equals(current.email())
        && heldByOther(emailClaims.get(next.email()), next.id(), holdsEmail(next.email()))) {
      throw new EmailTakenException();
    }
    for (SocialLink link : next.socialLinks()) {
      if (heldByOther(socialClaims.get(link), next.id(), holdsLink(link))) {
        throw new EmailTakenException();
      }
    }
    claimAll(next, clock.instant());
    accounts.put(next.id(), next);
    if (!next.email().equals(current.email())) {
      release(emailClaims, current.email(), current.id());
    }
    current.socialLinks().stream()
        .filter(l -> !next.socialLinks().contains(l))
        .forEach(l -> release(socialClaims, l, current.id()));
  }

  /**
   * {@inheritDoc}
   *
   * <p>The account must still be at {@code account.version()}, else {@link
   * VersionConflictException}; deleting an account that is already deleted changes nothing.
   */
  @Override
  public synchronized void delete(Account account, OutboundEvent deleted) {
    guard.requireHome(account.home());
    Objects.requireNonNull(deleted, "deleted");
    Account current = accounts.get(account.id());
    if (current == null) {
      if (tombstones.containsKey(account.id())) {
        return;
      }
      throw new VersionConflictException("the account is gone");
    }
    if (current.version() != account.version()) {
      throw new VersionConflictException("the account changed");
    }
    tombstones.put(account.id(), copy(deleted));
    accounts.remove(account.id());
    release(emailClaims, current.email(), current.id());
    current.socialLinks().forEach(l -> release(socialClaims, l, current.id()));
  }

  @Override
  public synchronized List<OutboundEvent> pendingDeletions(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    return tombstones.values().stream().limit(limit).map(InMemoryAccountStore::copy).toList();
  }

  @Override
  public synchronized void markPublished(UserId userId, String eventId) {
    OutboundEvent event = tombstones.get(userId);
    if (event != null && event.id().equals(eventId)) {
      tombstones.remove(userId);
    }
  }

  /**
   * Writes the claims of {@code account} dated {@code claimedAt}, without the account itself, as a
   * crash between writing the claims and the account would leave them. For contract tests.
   */
  public synchronized void simulateCrashAfterClaims(Account account, Instant claimedAt) {
    claimAll(account, claimedAt);
  }

  private void claimAll(Account account, Instant at) {
    emailClaims.put(account.email(), new Claim(account.id(), at));
    account.socialLinks().forEach(l -> socialClaims.put(l, new Claim(account.id(), at)));
  }

  private static <K> void release(Map<K, Claim> claims, K key, UserId holder) {
    Claim claim = claims.get(key);
    if (claim != null && claim.holder().equals(holder)) {
      claims.remove(key);
    }
  }

  /**
   * Whether {@code claim} stops {@code claimant}: it belongs to another account that holds the
   * identifier, or is young enough to belong to a create in flight.
   */
  private boolean heldByOther(Claim claim, UserId claimant, Predicate<Account> holdsIdentifier) {
    if (claim == null || claim.holder().equals(claimant)) {
      return false;
    }
    Account other = accounts.get(claim.holder());
    if (other != null && holdsIdentifier.test(other)) {
      return true;
    }
    return claim.claimedAt().plus(CLAIM_LEASE).isAfter(clock.instant());
  }

  private static Predicate<Account> holdsEmail(String email) {
    return a -> a.email().equals(email);
  }

  private static Predicate<Account> holdsLink(SocialLink link) {
    return a -> a.socialLinks().contains(link);
  }

  private static OutboundEvent copy(OutboundEvent e) {
    return new OutboundEvent(e.id(), e.type(), e.subject(), e.json().clone());
  }

  private record Claim(UserId holder, Instant claimedAt) {}
}
