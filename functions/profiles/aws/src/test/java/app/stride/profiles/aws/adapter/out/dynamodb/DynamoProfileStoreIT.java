package app.stride.profiles.aws.adapter.out.dynamodb;

import static app.stride.profiles.ProfileTestData.aProfile;
import static app.stride.profiles.ProfileTestData.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.aws.dynamodb.LocalTables;
import app.stride.core.event.OutboundEvent;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import app.stride.profiles.application.port.out.ProfileOutboxPort.PendingEvent;
import app.stride.profiles.domain.Goals;
import app.stride.profiles.domain.Profile;
import app.stride.profiles.domain.UserId;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.UniqueNames;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoProfileStoreIT {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();

  private static final RegionId EU = RegionId.of("eu");
  private static final RegionId US = RegionId.of("us");
  private static final Instant NOW = Instant.parse("2025-03-12T10:15:30Z");

  private DynamoDbClient client;
  private DynamoProfileStore store;

  @BeforeEach
  void freshTable() {
    client =
        DynamoDbClients.client(
            new DynamoDbSettings(
                Region.of(DynaliteExtension.REGION), Optional.of(DYNAMO.endpoint())));
    store =
        new DynamoProfileStore(
            DynamoDbClients.enhanced(client),
            UniqueNames.uniqueName("stride-profiles-eu"),
            EU,
            Clock.fixed(NOW, ZoneOffset.UTC));
    LocalTables.createIfMissing(store.table(), client);
  }

  @Test
  void create_thenLoad_returnsTheSameProfile() {
    Profile profile = aProfile().build();

    store.create(profile, anEvent(profile.userId().value()), EU);

    assertThat(store.load(profile.userId(), EU)).contains(profile);
  }

  @Test
  void create_keepsAnEmptyGoalsObject() {
    Profile profile = aProfile().withGoals(new Goals(null, null, null)).build();

    store.create(profile, anEvent(profile.userId().value()), EU);

    assertThat(store.load(profile.userId(), EU)).contains(profile);
  }

  @Test
  void load_ofAnUnknownUserIsEmpty() {
    assertThat(store.load(new UserId("nobody"), EU)).isEmpty();
  }

  @Test
  void create_losesWhenAProfileExists() {
    Profile profile = aProfile().build();
    store.create(profile, anEvent(profile.userId().value()), EU);

    assertThatThrownBy(
            () ->
                store.create(
                    aProfile().of(profile.userId().value()).withDisplayName("Other").build(),
                    anEvent(profile.userId().value()),
                    EU))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store.load(profile.userId(), EU).orElseThrow().displayName())
        .isEqualTo("Ana Runner");
  }

  @Test
  void replace_atTheExpectedVersionStoresTheNextVersion() {
    Profile v1 = aProfile().build();
    store.create(v1, anEvent(v1.userId().value()), EU);
    Profile v2 = aProfile().of(v1.userId().value()).withDisplayName("Ana R.").atVersion(2).build();

    store.replace(v2, 1, anEvent(v1.userId().value()), EU);

    assertThat(store.load(v1.userId(), EU)).contains(v2);
  }

  @Test
  void replace_withAStaleVersionConflictsAndChangesNothing() {
    Profile v1 = aProfile().build();
    store.create(v1, anEvent(v1.userId().value()), EU);
    String user = v1.userId().value();
    store.replace(
        aProfile().of(user).withDisplayName("v2").atVersion(2).build(), 1, anEvent(user), EU);

    assertThatThrownBy(
            () ->
                store.replace(
                    aProfile().of(user).withDisplayName("stale").atVersion(2).build(),
                    1,
                    anEvent(user),
                    EU))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store.load(v1.userId(), EU).orElseThrow().displayName()).isEqualTo("v2");
  }

  @Test
  void replace_ofAMissingProfileConflicts() {
    assertThatThrownBy(() -> store.replace(aProfile().atVersion(2).build(), 1, anEvent("x"), EU))
        .isInstanceOf(VersionConflictException.class);
  }

  @Test
  void writes_keepEveryStillPendingEvent() {
    Profile v1 = aProfile().build();
    String user = v1.userId().value();
    OutboundEvent created = anEvent(user);
    OutboundEvent replaced = anEvent(user);
    store.create(v1, created, EU);
    store.replace(aProfile().of(user).atVersion(2).withDisplayName("B").build(), 1, replaced, EU);

    assertThat(pendingIdsOf(user)).containsExactlyInAnyOrder(created.id(), replaced.id());
  }

  @Test
  void markPublished_clearsOnlyThatEvent_andPendingListsTheRestOldestFirst() {
    Profile a = aProfile().build();
    Profile b = aProfile().build();
    OutboundEvent aCreated = anEvent(a.userId().value());
    OutboundEvent bCreated = anEvent(b.userId().value());
    store.create(a, aCreated, EU);
    store.create(b, bCreated, EU);

    store.markPublished(a.userId(), aCreated.id(), EU);
    store.markPublished(a.userId(), "not-pending", EU);

    List<PendingEvent> pending = store.pending(10, EU);
    assertThat(pending).extracting(p -> p.event().id()).containsExactly(bCreated.id());
    PendingEvent only = pending.get(0);
    assertThat(only.userId()).isEqualTo(b.userId());
    assertThat(only.event().type()).isEqualTo("app.stride.profile.v1.updated");
    assertThat(only.event().subject()).isEqualTo(b.userId().value());
    assertThat(only.event().json()).isEqualTo(bCreated.json());
    assertThat(rawItem(a.userId().value())).doesNotContainKeys("pendingEvents", "outboxShard");
  }

  @Test
  void pending_respectsTheLimit() {
    for (int i = 0; i < 5; i++) {
      Profile p = aProfile().build();
      store.create(p, anEvent(p.userId().value()), EU);
    }

    assertThat(store.pending(3, EU)).hasSize(3);
    assertThat(store.pending(10, EU)).hasSize(5);
  }

  @Test
  void delete_removesEveryPersonalFieldAndLeavesAMarkerUntilPublished() {
    Profile v1 = aProfile().build();
    String user = v1.userId().value();
    OutboundEvent created = anEvent(user);
    OutboundEvent deleted = anEvent(user);
    store.create(v1, created, EU);
    store.markPublished(v1.userId(), created.id(), EU);

    store.delete(v1.userId(), 1, deleted, EU);

    assertThat(store.load(v1.userId(), EU)).isEmpty();
    Map<String, AttributeValue> marker = rawItem(user);
    assertThat(marker)
        .containsKeys("pk", "sk", "userId", "version", "revision", "deleted", "expiresAt")
        .doesNotContainKeys(
            "displayName",
            "about",
            "birthYear",
            "sex",
            "heightCm",
            "weightKg",
            "goals",
            "preferences",
            "updatedAt");
    assertThat(Long.parseLong(marker.get("expiresAt").n()))
        .isEqualTo(NOW.plus(DynamoProfileStore.MARKER_TTL).getEpochSecond());
    assertThat(pendingIdsOf(user)).containsExactly(deleted.id());

    store.markPublished(v1.userId(), deleted.id(), EU);

    assertThat(rawItem(user)).isEmpty();
  }

  @Test
  void delete_withAStaleVersionConflicts() {
    Profile v1 = aProfile().build();
    store.create(v1, anEvent(v1.userId().value()), EU);

    assertThatThrownBy(() -> store.delete(v1.userId(), 5, anEvent("x"), EU))
        .isInstanceOf(VersionConflictException.class);
    assertThat(store.load(v1.userId(), EU)).isPresent();
  }

  @Test
  void create_overALeftoverMarkerKeepsItsPendingEvents() {
    Profile v1 = aProfile().build();
    String user = v1.userId().value();
    OutboundEvent deleted = anEvent(user);
    store.create(v1, anEvent(user), EU);
    store.delete(v1.userId(), 1, deleted, EU);
    OutboundEvent recreated = anEvent(user);

    store.create(aProfile().of(user).withDisplayName("Back").build(), recreated, EU);

    assertThat(store.load(v1.userId(), EU).orElseThrow().displayName()).isEqualTo("Back");
    assertThat(pendingIdsOf(user)).contains(deleted.id(), recreated.id());
    assertThat(rawItem(user)).doesNotContainKey("expiresAt");
  }

  @Test
  void foreignHome_isRefusedAndNothingIsWritten() {
    Profile profile = aProfile().build();

    assertWrongRegion(() -> store.create(profile, anEvent(profile.userId().value()), US));
    assertWrongRegion(() -> store.load(profile.userId(), US));
    assertWrongRegion(() -> store.replace(profile, 1, anEvent("x"), US));
    assertWrongRegion(() -> store.delete(profile.userId(), 1, anEvent("x"), US));
    assertWrongRegion(() -> store.markPublished(profile.userId(), "e", US));
    assertWrongRegion(() -> store.pending(10, US));

    assertThat(client.scan(r -> r.tableName(store.table().tableName())).count()).isZero();
  }

  private static void assertWrongRegion(Runnable call) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().type()).isEqualTo(ProblemType.WRONG_REGION.uri()));
  }

  private List<String> pendingIdsOf(String user) {
    return store.pending(100, EU).stream()
        .filter(p -> p.userId().value().equals(user))
        .map(p -> p.event().id())
        .toList();
  }

  private Map<String, AttributeValue> rawItem(String user) {
    return client
        .getItem(
            r ->
                r.tableName(store.table().tableName())
                    .consistentRead(true)
                    .key(
                        Map.of(
                            "pk", AttributeValue.fromS("USER#" + user),
                            "sk", AttributeValue.fromS("PROFILE"))))
        .item();
  }
}
