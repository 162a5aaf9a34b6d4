package app.stride.auth.aws.adapter.out.dynamodb;

import app.stride.auth.application.port.out.AccountStore;
import app.stride.auth.domain.Account;
import app.stride.auth.domain.SocialLink;
import app.stride.auth.domain.UserId;
import app.stride.aws.dynamodb.ConditionalWrites;
import app.stride.aws.dynamodb.DynamoFailures;
import app.stride.core.event.OutboundEvent;
import app.stride.core.region.ResidencyGuard;
import app.stride.core.store.VersionConflictException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.ScanEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The accounts of one region on DynamoDB: {@link AccountItem} at {@code ACCOUNT#<id>}, a {@link
 * ClaimItem} per login identifier ({@code EMAIL#<canonical>}, {@code SOCIAL#<provider>#<subject>})
 * and a {@link TombstoneItem} per deleted account. Single-item conditional writes only (DESIGN.md
 * §4), so multi-item changes are ordered to be safe when a crash interrupts them:
 *
 * <ul>
 *   <li>create: claims first (conditional put: free, already ours, or an orphan older than {@link
 *       #CLAIM_LEASE} whose account is missing or no longer holds it), then the account (put if
 *       absent), then a re-read of the claims: if one was taken over while this create was slower
 *       than the lease, the account is removed again and the create fails. On failure the claims it
 *       took are released.
 *   <li>update: claims for added identifiers, then the account (condition on {@code version}), then
 *       the release of identifiers it dropped.
 *   <li>delete: the account item is replaced by a deletion marker (condition on {@code version}):
 *       from that write on the account is gone. Then the tombstone is written, the claims released
 *       and the marker removed; {@link #pendingDeletions} finishes any marker a crash left behind.
 * </ul>
 *
 * <p>{@link #pendingDeletions} scans the table with a filter on the item kind (the {@code pk}
 * prefix). Tombstones are rare and short-lived, but a scan reads the whole table: its cost grows
 * with the number of accounts and sessions, not of tombstones. Acceptable while the relay runs a
 * few times an hour on a regional table; past that, a sparse GSI on an attribute only tombstones
 * carry is the way to list them (infra change).
 *
 * <p>Residency: writes check the account's home against the region this store serves; reads are
 * bound to the region by the table.
 */
public final class DynamoAccountStore implements AccountStore {
  /** How long a claim without its account is presumed to belong to a create in flight. */
  public static final Duration CLAIM_LEASE = Duration.ofMinutes(1);

  private static final TableSchema<AccountItem> ACCOUNTS = TableSchema.fromBean(AccountItem.class);
  private static final TableSchema<ClaimItem> CLAIMS = TableSchema.fromBean(ClaimItem.class);
  private static final TableSchema<TombstoneItem> TOMBSTONES =
      TableSchema.fromBean(TombstoneItem.class);
  private static final int CLAIM_ATTEMPTS = 3;

  private final ConditionalWrites<AccountItem> accounts;
  private final ConditionalWrites<ClaimItem> claims;
  private final ConditionalWrites<TombstoneItem> tombstones;
  private final ResidencyGuard guard;
  private final Clock clock;

  public DynamoAccountStore(DynamoDbEnhancedClient client, AuthTableConfig config, Clock clock) {
    this.accounts = new ConditionalWrites<>(client.table(config.tableName(), ACCOUNTS));
    this.claims = new ConditionalWrites<>(client.table(config.tableName(), CLAIMS));
    this.tombstones = new ConditionalWrites<>(client.table(config.tableName(), TOMBSTONES));
    this.guard = new ResidencyGuard(config.region());
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The table this store writes to (for local table creation). */
  public DynamoDbTable<AccountItem> table() {
    return accounts.table();
  }

  @Override
  public Optional<Account> findById(UserId id) {
    return accounts
        .get(AuthKeys.key(AuthKeys.account(id)))
        .filter(item -> !Boolean.TRUE.equals(item.getDeleting()))
        .map(AccountItemMapper::toDomain);
  }

  @Override
  public Optional<Account> findByEmail(String email) {
    return holderOf(AuthKeys.email(email))
        .flatMap(this::findById)
        .filter(a -> a.email().equals(email));
  }

  @Override
  public Optional<Account> findBySocialLink(SocialLink link) {
    return holderOf(AuthKeys.social(link))
        .flatMap(this::findById)
        .filter(a -> a.socialLinks().contains(link));
  }

  @Override
  public void create(Account account) {
    guard.requireHome(account.home());
    if (account.version() != 1) {
      throw new IllegalArgumentException("a new account has version 1");
    }
    if (accounts.get(AuthKeys.key(AuthKeys.account(account.id()))).isPresent()) {
      throw new VersionConflictException("the account exists");
    }
    List<String> wanted = List.copyOf(identifiersOf(account));
    List<String> taken = new ArrayList<>();
    try {
      Instant now = clock.instant();
      for (String pk : wanted) {
        claim(pk, account.id(), now);
        taken.add(pk);
      }
      accounts.put(AccountItemMapper.toItem(account), Conditions.absent());
    } catch (RuntimeException e) {
      releaseUnheld(taken, account.id());
      throw e;
    }
    if (!wanted.stream().allMatch(pk -> holderOf(pk).filter(account.id()::equals).isPresent())) {
      Conditions.held(
          () ->
              accounts.deleteIf(
                  AuthKeys.key(AuthKeys.account(account.id())), Conditions.liveAtVersion(1)));
      releaseUnheld(wanted, account.id());
      throw new EmailTakenException();
    }
  }

  @Override
  public void update(Account next, long expectedVersion) {
    guard.requireHome(next.home());
    if (next.version() != expectedVersion + 1) {
      throw new IllegalArgumentException("the next version must be expectedVersion + 1");
    }
    Account current =
        findById(next.id())
            .filter(a -> a.version() == expectedVersion)
            .orElseThrow(() -> new VersionConflictException("the account changed or is gone"));
    Set<String> before = identifiersOf(current);
    Set<String> after = identifiersOf(next);
    List<String> added = after.stream().filter(pk -> !before.contains(pk)).toList();
    List<String> taken = new ArrayList<>();
    try {
      Instant now = clock.instant();
      for (String pk : added) {
        claim(pk, next.id(), now);
        taken.add(pk);
      }
      accounts.put(AccountItemMapper.toItem(next), Conditions.liveAtVersion(expectedVersion));
    } catch (RuntimeException e) {
      releaseUnheld(taken, next.id());
      throw e;
    }
    releaseUnheld(before.stream().filter(pk -> !after.contains(pk)).toList(), next.id());
  }

  /**
   * {@inheritDoc}
   *
   * <p>The account must still be at {@code account.version()}, else {@link
   * VersionConflictException}; deleting an account whose deletion is already recorded changes
   * nothing.
   */
  @Override
  public void delete(Account account, OutboundEvent deleted) {
    guard.requireHome(account.home());
    Objects.requireNonNull(deleted, "deleted");
    Optional<AccountItem> current = accounts.get(AuthKeys.key(AuthKeys.account(account.id())));
    if (current.isEmpty() || Boolean.TRUE.equals(current.get().getDeleting())) {
      if (current.isPresent()
          || tombstones.get(AuthKeys.key(AuthKeys.tombstone(account.id()))).isPresent()) {
        return;
      }
      throw new VersionConflictException("the account is gone");
    }
    Account stored = AccountItemMapper.toDomain(current.get());
    TombstoneItem marker =
        AccountItemMapper.deletionMarker(
            stored, deleted, clock.instant(), List.copyOf(identifiersOf(stored)));
    tombstones.put(marker, Conditions.liveAtVersion(account.version()));
    finishDeletion(marker);
  }

  @Override
  public List<OutboundEvent> pendingDeletions(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    Map<String, TombstoneItem> byUser = new LinkedHashMap<>();
    for (TombstoneItem item : scanDeletions()) {
      if (item.getPk().startsWith(AuthKeys.ACCOUNT)) {
        finishDeletion(item);
      }
      byUser.putIfAbsent(item.getUserId(), item);
    }
    return byUser.values().stream()
        .sorted(
            Comparator.comparing(TombstoneItem::getCreatedAt)
                .thenComparing(TombstoneItem::getEventId))
        .limit(limit)
        .map(AccountItemMapper::event)
        .toList();
  }

  @Override
  public void markPublished(UserId userId, String eventId) {
    Conditions.held(
        () ->
            tombstones.deleteIf(
                AuthKeys.key(AuthKeys.tombstone(userId)), Conditions.equals("eventId", eventId)));
  }

  /**
   * Claims {@code pk} for {@code claimant}.
   *
   * @throws EmailTakenException when another account holds it, or a create in flight may
   */
  private void claim(String pk, UserId claimant, Instant now) {
    ClaimItem mine = AccountItemMapper.claim(pk, claimant, now);
    for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      if (Conditions.held(() -> claims.put(mine, Conditions.absentOrHeldBy(claimant.value())))) {
        return;
      }
      Optional<ClaimItem> current = claims.get(AuthKeys.key(pk));
      if (current.isEmpty()) {
        continue;
      }
      ClaimItem other = current.get();
      if (!isOrphan(other, now)) {
        throw new EmailTakenException();
      }
      AttributeValue claimedAt = CLAIMS.attributeValue(other, "claimedAt");
      Expression unchanged =
          claimedAt == null
              ? Conditions.equals("userId", other.getUserId())
              : Conditions.claimUnchanged(other.getUserId(), claimedAt);
      if (Conditions.held(() -> claims.put(mine, unchanged))) {
        return;
      }
    }
    throw new EmailTakenException();
  }

  /** A claim past its lease whose account is missing or no longer holds the identifier. */
  private boolean isOrphan(ClaimItem claim, Instant now) {
    if (claim.getClaimedAt() != null && claim.getClaimedAt().plus(CLAIM_LEASE).isAfter(now)) {
      return false;
    }
    return findById(new UserId(claim.getUserId()))
        .filter(holder -> identifiersOf(holder).contains(claim.getPk()))
        .isEmpty();
  }

  private Optional<UserId> holderOf(String pk) {
    return claims.get(AuthKeys.key(pk)).map(c -> new UserId(c.getUserId()));
  }

  /**
   * Releases the claims of {@code holder} among {@code pks} that its stored account does not use.
   */
  private void releaseUnheld(List<String> pks, UserId holder) {
    if (pks.isEmpty()) {
      return;
    }
    Set<String> inUse = findById(holder).map(DynamoAccountStore::identifiersOf).orElse(Set.of());
    pks.stream().filter(pk -> !inUse.contains(pk)).forEach(pk -> release(pk, holder.value()));
  }

  private void release(String pk, String holder) {
    Conditions.held(() -> claims.deleteIf(AuthKeys.key(pk), Conditions.equals("userId", holder)));
  }

  /** Writes the tombstone, releases the claims and removes the marker; each step idempotent. */
  private void finishDeletion(TombstoneItem marker) {
    Conditions.held(
        () -> tombstones.put(AccountItemMapper.tombstoneOf(marker), Conditions.absent()));
    if (marker.getClaimKeys() != null) {
      marker.getClaimKeys().forEach(pk -> release(pk, marker.getUserId()));
    }
    Conditions.held(
        () ->
            tombstones.deleteIf(
                AuthKeys.key(marker.getPk()), Conditions.equals("eventId", marker.getEventId())));
  }

  private List<TombstoneItem> scanDeletions() {
    Expression deletions =
        Expression.builder()
            .expression("begins_with(#pk, :tombstone) OR #deleting = :true")
            .expressionNames(Map.of("#pk", AuthKeys.PK, "#deleting", "deleting"))
            .expressionValues(
                Map.of(
                    ":tombstone", AttributeValue.fromS(AuthKeys.TOMBSTONE),
                    ":true", AttributeValue.fromBool(true)))
            .build();
    ScanEnhancedRequest request =
        ScanEnhancedRequest.builder().filterExpression(deletions).consistentRead(true).build();
    return DynamoFailures.call(() -> tombstones.table().scan(request).items().stream().toList());
  }

  /** The claim keys of an account's login identifiers: its email, then each social link. */
  private static Set<String> identifiersOf(Account account) {
    Set<String> pks = new LinkedHashSet<>();
    pks.add(AuthKeys.email(account.email()));
    account.socialLinks().forEach(l -> pks.add(AuthKeys.social(l)));
    return pks;
  }
}
