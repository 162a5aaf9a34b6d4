package app.stride.planner.aws.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.aws.dynamodb.LocalTables;
import app.stride.core.auth.Principal;
import app.stride.core.problem.ProblemException;
import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import app.stride.planner.adapter.out.library.ClasspathPlanLibrary;
import app.stride.planner.application.port.in.CalendarFeedUseCase.IssuedFeed;
import app.stride.planner.application.service.CalendarFeedService;
import app.stride.planner.domain.CalendarFeed;
import app.stride.planner.domain.UserId;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.UniqueNames;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoCalendarFeedStoreIT {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();

  private static final RegionId EU = RegionId.of("eu");
  private static final RegionId US = RegionId.of("us");
  private static final Instant NOW = Instant.parse("2030-03-04T07:00:00Z");
  private static final UserId ANA = new UserId("ana");
  private static final Principal ANA_EU = new Principal("ana", EU, Set.of(), "jti");

  private DynamoCalendarFeedStore store;
  private CalendarFeedService service;

  @BeforeEach
  void freshTable() {
    DynamoDbClient client =
        DynamoDbClients.client(
            new DynamoDbSettings(
                Region.of(DynaliteExtension.REGION), Optional.of(DYNAMO.endpoint())));
    String table = UniqueNames.uniqueName("stride-planner-eu");
    DynamoMyPlanStore plans = new DynamoMyPlanStore(DynamoDbClients.enhanced(client), table, EU);
    LocalTables.createIfMissing(plans.table(), client);
    store = new DynamoCalendarFeedStore(DynamoDbClients.enhanced(client), table, EU);
    service =
        new CalendarFeedService(
            store, plans, ClasspathPlanLibrary.load(), EU, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void save_createsOnlyWhenAbsent_andReplacesOnlyTheVersionRead() {
    store.save(feed("h1", 1), 0, EU);

    assertThat(store.load(ANA, EU)).contains(feed("h1", 1));
    assertThatThrownBy(() -> store.save(feed("h2", 1), 0, EU))
        .isInstanceOf(VersionConflictException.class);
    store.save(feed("h2", 2), 1, EU);
    assertThatThrownBy(() -> store.save(feed("h3", 2), 1, EU))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store.load(ANA, EU)).contains(feed("h2", 2));
  }

  @Test
  void delete_onlyAtTheVersionRead() {
    store.save(feed("h1", 1), 0, EU);

    assertThatThrownBy(() -> store.delete(ANA, 2, EU)).isInstanceOf(VersionConflictException.class);
    store.delete(ANA, 1, EU);

    assertThat(store.load(ANA, EU)).isEmpty();
    assertThatThrownBy(() -> store.delete(ANA, 1, EU)).isInstanceOf(VersionConflictException.class);
  }

  @Test
  void lookups_areWrittenOnce_andRemovedIdempotently() {
    store.addLookup("h1", ANA, NOW, EU);

    assertThat(store.ownerOf("h1", EU)).contains(ANA);
    assertThatThrownBy(() -> store.addLookup("h1", new UserId("bob"), NOW, EU))
        .isInstanceOf(VersionConflictException.class);
    store.removeLookup("h1", EU);
    store.removeLookup("h1", EU);
    assertThat(store.ownerOf("h1", EU)).isEmpty();
  }

  @Test
  void theFeedItem_staysOutOfThePlanListing() {
    store.save(feed("h1", 1), 0, EU);

    assertThat(service.read(service.issue(ANA_EU, "en").token()).entries()).isEmpty();
  }

  @Test
  void rotate_thenRevoke_leaveNoValidOldToken_evenWhenAnOldLookupSurvives() {
    IssuedFeed first = service.issue(ANA_EU, "de");
    String firstHash = store.load(ANA, EU).orElseThrow().tokenHash();

    IssuedFeed second = service.issue(ANA_EU, "en");

    assertThat(service.read(second.token()).language()).isEqualTo("en");
    assertNotFound(first.token());
    assertThat(store.ownerOf(firstHash, EU)).as("old lookup removed").isEmpty();
    store.addLookup(firstHash, ANA, NOW, EU); // as if the rotation had crashed before removing it
    assertNotFound(first.token());

    service.revoke(ANA_EU);

    assertNotFound(second.token());
    assertThat(store.load(ANA, EU)).isEmpty();
  }

  @Test
  void aForeignHome_isRefused() {
    assertThatThrownBy(() -> store.load(ANA, US))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(421));
    assertThatThrownBy(() -> store.addLookup("h1", ANA, NOW, US))
        .isInstanceOf(ProblemException.class);
  }

  private void assertNotFound(String token) {
    assertThatThrownBy(() -> service.read(token))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(404));
  }

  private static CalendarFeed feed(String hash, long version) {
    return new CalendarFeed(ANA, hash, "en", NOW, version);
  }
}
