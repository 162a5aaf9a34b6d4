package app.stride.events.workout.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.events.CloudEvent;
import app.stride.events.EventCodec;
import app.stride.events.EventSchemas;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The workout event records build envelopes their schemas accept, and refuse invalid payloads. */
class WorkoutEventsTest {
  private static final Instant START = Instant.parse("2026-03-14T06:30:00Z");
  private static final Instant AT = Instant.parse("2026-03-14T09:05:12.345Z");
  private static final String ID = "w_01jd8x4m2q7r5t9v3w6y8z0a1b";
  private static final EventCodec CODEC = new EventCodec();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void recorded_encodesToAnEventItsSchemaAccepts_andDecodesBack() {
    WorkoutRecorded data =
        new WorkoutRecorded(
            ID, "usr_1", "eu", 1, "running", START, "Europe/Berlin", 9000, 42195.0, null, AT);
    CloudEvent<WorkoutRecorded> event = WorkoutRecorded.event("evt-1", data);

    String json = CODEC.encode(event);

    assertThat(event.source()).isEqualTo("/stride/eu/workouts");
    assertThat(event.subject()).isEqualTo("usr_1");
    assertThat(json).doesNotContain("elevationGainMeters");
    assertThat(EventSchemas.load(WorkoutRecorded.SCHEMA_RESOURCE).validate(JSON.readTree(json)))
        .isEmpty();
    assertThat(CODEC.decode(json, WorkoutRecorded.EVENT_TYPE).data()).isEqualTo(data);
  }

  @Test
  void updated_encodesToAnEventItsSchemaAccepts() {
    WorkoutUpdated data =
        new WorkoutUpdated(
            ID,
            "usr_1",
            "apac",
            2,
            "yoga",
            START,
            "Asia/Singapore",
            1200,
            null,
            null,
            List.of("notes"),
            AT);

    String json = CODEC.encode(WorkoutUpdated.event("evt-2", data));

    assertThat(EventSchemas.load(WorkoutUpdated.SCHEMA_RESOURCE).validate(JSON.readTree(json)))
        .isEmpty();
  }

  @Test
  void deleted_encodesToAnEventItsSchemaAccepts() {
    String json =
        CODEC.encode(WorkoutDeleted.event("evt-3", new WorkoutDeleted(ID, "usr_1", "us", 4, AT)));

    assertThat(EventSchemas.load(WorkoutDeleted.SCHEMA_RESOURCE).validate(JSON.readTree(json)))
        .isEmpty();
  }

  @Test
  void new_refusesWhatTheSchemasRefuse() {
    assertThatThrownBy(
            () ->
                new WorkoutRecorded(
                    "w_UPPER", "u", "eu", 1, "running", START, "UTC", 60, null, null, AT))
        .hasMessageContaining("workoutId");
    assertThatThrownBy(
            () ->
                new WorkoutRecorded(
                    ID, "u", "eu", 1, "quidditch", START, "UTC", 60, null, null, AT))
        .hasMessageContaining("sport");
    assertThatThrownBy(
            () ->
                new WorkoutRecorded(ID, "u", "eu", 1, "running", START, "UTC", 60, -1.0, null, AT))
        .hasMessageContaining("distanceMeters");
    assertThatThrownBy(
            () ->
                new WorkoutUpdated(
                    ID, "u", "eu", 2, "running", START, "UTC", 60, null, null, List.of(), AT))
        .hasMessageContaining("changedFields");
    assertThatThrownBy(() -> new WorkoutDeleted(ID, "u", "eu", 0, AT))
        .hasMessageContaining("version");
  }
}
