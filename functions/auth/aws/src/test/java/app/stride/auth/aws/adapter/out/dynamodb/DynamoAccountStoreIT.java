package app.stride.auth.aws.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.auth.application.port.out.AccountStore;
import app.stride.auth.domain.Account;
import app.stride.auth.domain.SocialLink;
import app.stride.auth.domain.UserId;
import app.stride.auth.testing.AccountStoreContract;
import app.stride.core.event.OutboundEvent;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.testkit.junit.DynaliteExtension;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

class DynamoAccountStoreIT extends AccountStoreContract {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();

  private static final SocialLink GOOGLE = new SocialLink("google", "42#with#hashes");

  private AuthTableFixture table;

  @Override
  protected AccountStore newStore() {
    table = AuthTableFixture.fresh(DYNAMO);
    return new DynamoAccountStore(table.enhanced, table.config, Clock.systemUTC());
  }

  @Override
  protected void leaveClaimsWithoutAccount(AccountStore store, Account account, Instant claimedAt) {
    var claims =
        table.enhanced.table(table.config.tableName(), TableSchema.fromBean(ClaimItem.class));
    claims.putItem(
        AccountItemMapper.claim(AuthKeys.email(account.email()), account.id(), claimedAt));
    account
        .socialLinks()
        .forEach(
            l ->
                claims.putItem(
                    AccountItemMapper.claim(AuthKeys.social(l), account.id(), claimedAt)));
  }

  @Test
  void create_writesTheAccountAndOneClaimPerIdentifier() {
    AccountStore store = newStore();
    Account ann = account("ann@example.com", GOOGLE);

    store.create(ann);

    assertThat(table.rawItem("ACCOUNT#" + ann.id()).get("version").n()).isEqualTo("1");
    assertThat(table.rawItem("EMAIL#ann@example.com").get("userId").s())
        .isEqualTo(ann.id().value());
    assertThat(table.rawItem("SOCIAL#google#42#with#hashes").get("userId").s())
        .isEqualTo(ann.id().value());
    assertThat(table.rawItem("ACCOUNT#" + ann.id())).doesNotContainKey("expiresAt");
    assertThat(table.itemCount()).isEqualTo(3);
  }

  @Test
  void delete_leavesOnlyATombstoneWithoutPersonalData() {
    AccountStore store = newStore();
    Account ann = account("ann@example.com", GOOGLE);
    store.create(ann);

    store.delete(ann, deletedEvent(ann));

    assertThat(table.itemCount()).isEqualTo(1);
    assertThat(table.rawItem("TOMBSTONE#" + ann.id()))
        .containsOnlyKeys(
            "pk",
            "userId",
            "accountVersion",
            "eventId",
            "eventType",
            "eventSubject",
            "eventJson",
            "createdAt");
  }

  @Test
  void pendingDeletions_finishesADeletionACrashInterrupted() {
    DynamoAccountStore store = (DynamoAccountStore) newStore();
    Account ann = account("ann@example.com", GOOGLE);
    store.create(ann);
    OutboundEvent deleted = deletedEvent(ann);
    // the deletion's first write happened, then the function died
    table
        .enhanced
        .table(table.config.tableName(), TableSchema.fromBean(TombstoneItem.class))
        .putItem(
            AccountItemMapper.deletionMarker(
                ann,
                deleted,
                Instant.now(),
                List.of(AuthKeys.email(ann.email()), AuthKeys.social(GOOGLE))));

    assertThat(store.findById(ann.id())).isEmpty();
    assertThat(store.findByEmail("ann@example.com")).isEmpty();

    assertThat(store.pendingDeletions(10))
        .extracting(OutboundEvent::id)
        .containsExactly(deleted.id());
    assertThat(table.rawItem("ACCOUNT#" + ann.id())).isEmpty();
    assertThat(table.rawItem("EMAIL#ann@example.com")).isEmpty();
    assertThat(table.rawItem("TOMBSTONE#" + ann.id())).isNotEmpty();

    store.markPublished(ann.id(), deleted.id());

    assertThat(table.itemCount()).isZero();
  }

  @Test
  void create_takesOverAStaleClaimOfAnAccountThatNoLongerHoldsIt() {
    AccountStore store = newStore();
    Account bob = account("bob@example.com");
    store.create(bob);
    // a claim of bob's for an identifier bob's account does not hold (a release a crash skipped)
    leaveClaimsWithoutAccount(
        store,
        Account.create(
            bob.id(),
            HOME,
            "ann@example.com",
            false,
            "h",
            Locale.ENGLISH,
            List.of(),
            Instant.now()),
        Instant.now().minus(ORPHAN_AGE));
    Account ann = account("ann@example.com");

    store.create(ann);

    assertThat(store.findByEmail("ann@example.com")).contains(ann);
    assertThat(store.findByEmail("bob@example.com")).contains(bob);
  }

  @Test
  void foreignHome_isRefusedWithWrongRegion_andNothingIsWritten() {
    AccountStore store = newStore();
    Account foreign =
        Account.create(
            UserId.random(),
            app.stride.core.region.RegionId.of("us"),
            "far@example.com",
            false,
            "h",
            Locale.ENGLISH,
            List.of(GOOGLE),
            Instant.now());

    assertThatThrownBy(() -> store.create(foreign))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().type()).isEqualTo(ProblemType.WRONG_REGION.uri()));

    assertThat(table.itemCount()).isZero();
  }
}
