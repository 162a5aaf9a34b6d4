package app.stride.profiles;

import static app.stride.profiles.ProfileTestData.aProfile;
import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.json.Json;
import app.stride.core.region.RegionId;
import app.stride.core.store.StoreUnavailableException;
import app.stride.core.trigger.BatchResult;
import app.stride.core.trigger.QueueMessage;
import app.stride.events.EventCodec;
import app.stride.events.profile.v1.ProfileUpdated;
import app.stride.profiles.domain.Profile;
import app.stride.profiles.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;

/**
 * The data eraser ({@link ProfilesFunctions#userEraser}) on the in-memory store: {@code
 * app.stride.user.v1.deleted} batches in, failed message ids out.
 */
class ProfilesUserEraserTest {
  private static final RegionId EU = RegionId.of("eu");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
  private static final List<String> INVALID = UserDeletedFixtures.INVALID;

  private final InMemoryProfileStore store = new InMemoryProfileStore(EU);
  private final RecordingPublisher events = new RecordingPublisher();
  private final Function<List<QueueMessage>, BatchResult> eraser =
      ProfilesFunctions.userEraser(store, events, EU, CLOCK);

  @Test
  void userDeleted_erasesTheProfile_andEmitsOneDeletedEventWithoutPersonalData() {
    Profile stored = storeProfile("ana", 3);

    BatchResult result = eraser.apply(List.of(message(UserDeletedFixtures.VALID, "ana", "eu")));

    assertThat(result.failedMessageIds()).isEmpty();
    assertThat(store.profiles).doesNotContainKey(stored.userId());
    assertThat(events.published)
        .singleElement()
        .satisfies(e -> assertThat(e.subject()).isEqualTo("ana"));
    ProfileUpdated data =
        new EventCodec().decode(events.bodies().get(0), ProfileUpdated.EVENT_TYPE).data();
    assertThat(data.change()).isEqualTo(ProfileUpdated.Change.DELETED);
    assertThat(data.version()).isEqualTo(3);
    assertThat(data.changedFields()).isEmpty();
    assertThat(events.bodies().get(0)).doesNotContain(stored.displayName());
    assertThat(store.pending.get(stored.userId())).as("published, so no longer pending").isEmpty();
  }

  @Test
  void redeliveredUserDeleted_isANoOp_andEmitsNothingMore() {
    storeProfile("ana", 1);
    QueueMessage message = message(UserDeletedFixtures.VALID, "ana", "eu");
    eraser.apply(List.of(message));

    BatchResult again = eraser.apply(List.of(message));

    assertThat(again.failedMessageIds()).isEmpty();
    assertThat(store.profiles).isEmpty();
    assertThat(events.published).hasSize(1);
  }

  @Test
  void userDeleted_ofAUserWithoutProfile_succeedsAndEmitsNothing() {
    BatchResult result = eraser.apply(List.of(message(UserDeletedFixtures.VALID, "bo", "eu")));

    assertThat(result.failedMessageIds()).isEmpty();
    assertThat(events.published).isEmpty();
  }

  @Test
  void userDeleted_ofAUserHomedInAnotherRegion_isSkipped_andTouchesNothingHere() {
    Profile stored = storeProfile("ana", 1);

    BatchResult result = eraser.apply(List.of(message(UserDeletedFixtures.VALID, "ana", "us")));

    assertThat(result.failedMessageIds())
        .as("acknowledged: it is not this region's to erase")
        .isEmpty();
    assertThat(store.profiles).containsEntry(stored.userId(), stored);
    assertThat(events.published).isEmpty();
  }

  @Test
  void userDeleted_withExtensionAndOffsetTime_isAccepted() {
    storeProfile("ana", 1);

    BatchResult result =
        eraser.apply(List.of(message(UserDeletedFixtures.VALID_TRACED, "ana", "eu")));

    assertThat(result.failedMessageIds()).isEmpty();
    assertThat(store.profiles).isEmpty();
  }

  @ParameterizedTest
  @FieldSource("INVALID")
  void invalidMessage_isReportedFailed_andErasesNothing(String fixture) {
    Profile stored = storeProfile("ana", 1);
    QueueMessage poison = message(fixture, "ana", "eu");

    BatchResult result = eraser.apply(List.of(poison));

    assertThat(result.failedMessageIds()).containsExactly(poison.id());
    assertThat(store.profiles).containsEntry(stored.userId(), stored);
    assertThat(events.published).isEmpty();
  }

  @Test
  void batch_withOnePoisonMessage_reportsOnlyThatOne_andErasesTheOthers() {
    storeProfile("ana", 1);
    storeProfile("bo", 1);
    QueueMessage ana = message(UserDeletedFixtures.VALID, "ana", "eu");
    QueueMessage poison = message(UserDeletedFixtures.PERSONAL_DATA, "cy", "eu");
    QueueMessage bo = message(UserDeletedFixtures.VALID, "bo", "eu");

    BatchResult result = eraser.apply(List.of(ana, poison, bo));

    assertThat(result.failedMessageIds()).containsExactly(poison.id());
    assertThat(store.profiles).isEmpty();
  }

  @Test
  void userDeleted_whenTheStoreIsDown_isReportedFailed_forARetry() {
    Profile stored = storeProfile("ana", 1);
    store.beforeNextWrite(
        () -> {
          throw new StoreUnavailableException("profiles", new java.io.IOException("down"));
        });
    QueueMessage message = message(UserDeletedFixtures.VALID, "ana", "eu");

    BatchResult result = eraser.apply(List.of(message));

    assertThat(result.failedMessageIds()).containsExactly(message.id());
    assertThat(store.profiles).containsEntry(stored.userId(), stored);
  }

  @Test
  void userDeleted_thatLosesARaceToAnEdit_retriesAndErasesTheNewerVersion() {
    storeProfile("ana", 1);
    store.beforeNextWrite(() -> store.profiles.put(new UserId("ana"), profile("ana", 2)));

    BatchResult result = eraser.apply(List.of(message(UserDeletedFixtures.VALID, "ana", "eu")));

    assertThat(result.failedMessageIds()).isEmpty();
    assertThat(store.profiles).isEmpty();
    JsonNode event = Json.mapper().readTree(events.bodies().get(0));
    assertThat(event.path("data").path("version").asLong()).isEqualTo(2);
  }

  @Test
  void userDeleted_thatKeepsLosingRaces_isReportedFailed_andLeavesTheProfile() {
    storeProfile("ana", 1);
    keepEditingBeforeEachWrite("ana", 2);
    QueueMessage message = message(UserDeletedFixtures.VALID, "ana", "eu");

    BatchResult result = eraser.apply(List.of(message));

    assertThat(result.failedMessageIds()).containsExactly(message.id());
    assertThat(store.profiles).containsKey(new UserId("ana"));
    assertThat(events.published).isEmpty();
  }

  @Test
  void userDeleted_whenTheEventTransportIsDown_stillErases_andLeavesTheEventForTheRelay() {
    storeProfile("ana", 1);
    events.down = true;

    BatchResult result = eraser.apply(List.of(message(UserDeletedFixtures.VALID, "ana", "eu")));

    assertThat(result.failedMessageIds()).isEmpty();
    assertThat(store.profiles).isEmpty();
    assertThat(store.pending.get(new UserId("ana")).values())
        .singleElement()
        .satisfies(e -> assertThat(e.type()).isEqualTo(ProfileUpdated.TYPE));
  }

  @Test
  void userDeleted_keepsEventsStillPendingOnTheProfile() {
    storeProfile("ana", 1);
    store.pending.put(
        new UserId("ana"),
        new java.util.LinkedHashMap<>(
            Map.of("earlier", ProfileTestData.anEvent("earlier", "ana"))));

    eraser.apply(List.of(message(UserDeletedFixtures.VALID, "ana", "eu")));

    assertThat(store.pending.get(new UserId("ana"))).containsOnlyKeys("earlier");
  }

  private Profile storeProfile(String userId, long version) {
    Profile profile = profile(userId, version);
    store.profiles.put(profile.userId(), profile);
    return profile;
  }

  private static Profile profile(String userId, long version) {
    return aProfile().of(userId).atVersion(version).build();
  }

  /** Every write first loses to a concurrent edit that bumps the version again. */
  private void keepEditingBeforeEachWrite(String userId, long nextVersion) {
    store.beforeNextWrite(
        () -> {
          store.profiles.put(new UserId(userId), profile(userId, nextVersion));
          keepEditingBeforeEachWrite(userId, nextVersion + 1);
        });
  }

  private static QueueMessage message(String fixture, String userId, String homeRegion) {
    String body =
        UserDeletedFixtures.body(fixture, UUID.randomUUID().toString(), userId, homeRegion);
    return new QueueMessage(
        UUID.randomUUID().toString(), body.getBytes(StandardCharsets.UTF_8), Map.of(), 1);
  }
}
