package app.stride.infra.capability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.infra.capability.TableSchema.Index;
import app.stride.infra.capability.TableSchema.Key;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {

  @Test
  void workoutsTable_isKeyedByUserAndWorkout_withTheStartTimeLocalIndex() {
    TableSchema table = Capabilities.WORKOUTS.table();

    assertThat(table.partitionKey()).isEqualTo(Key.string("userId"));
    assertThat(table.sortKey()).contains(Key.string("workoutId"));
    assertThat(table.localIndexes())
        .containsExactly(
            new Index("byStartTime", Key.string("userId"), Optional.of(Key.string("startKey"))));
    assertThat(table.attributes())
        .extracting(Key::name)
        .containsExactly("userId", "workoutId", "startKey", "outboxShard", "outboxSince");
  }

  @Test
  void crossTableReads_areExactlyPlannerOnWorkouts_andWorkoutsOnProfiles_byKey() {
    assertThat(Capabilities.PLANNER.reads())
        .containsExactly(new Capability.TableRead("workouts", List.of("dynamodb:GetItem")));
    assertThat(Capabilities.WORKOUTS.reads())
        .containsExactly(new Capability.TableRead("profiles", List.of("dynamodb:GetItem")));
    assertThat(Capabilities.SOCIAL.reads()).isEmpty();
    assertThat(Capabilities.PROFILES.reads()).isEmpty();
  }

  @Test
  void aReadGrant_refusesWriteActions() {
    assertThatThrownBy(() -> new Capability.TableRead("profiles", List.of("dynamodb:PutItem")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PutItem");
  }

  @Test
  void tableSchema_refusesALocalIndexOnAnotherPartitionKey_andAnAttributeWithTwoTypes() {
    assertThatThrownBy(
            () ->
                TableSchema.pkSk()
                    .withLocalIndex(
                        new Index("x", Key.string("other"), Optional.of(Key.string("y")))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                TableSchema.pkSk()
                    .withGlobalIndex(new Index("x", Key.number("sk"), Optional.empty())))
        .hasMessageContaining("two types");
  }

  @Test
  void anOutbox_mustBeAnIndexOfTheTable() {
    assertThatThrownBy(
            () ->
                new Capability(
                    "things",
                    "STRIDE_THINGS_TABLE",
                    "a.Main",
                    "thingsHttp",
                    "a.Function",
                    TableSchema.pkSk(),
                    List.of(),
                    Optional.of(new Capability.Outbox("thing-events", "relay", "outbox")),
                    List.of()))
        .hasMessageContaining("outbox index");
  }
}
