package app.stride.events.activity.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.events.CloudEvent;
import app.stride.events.EventCodec;
import app.stride.events.EventSchemas;
import app.stride.events.EventType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The activity event records build envelopes their schemas accept, and refuse invalid payloads. */
class ActivityEventsTest {
  private static final Instant START = Instant.parse("2026-03-14T06:30:00Z");
  private static final Instant AT = Instant.parse("2026-03-14T09:05:12.345Z");
  private static final String ID = "a_01jd8x4m2q7r5t9v3w6y8z0a1b";
  private static final String TESTDATA = "events/testdata/activity/v1/";
  private static final EventCodec CODEC = new EventCodec();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void imported_encodesToAnEventItsSchemaAccepts_andDecodesBack() {
    ActivityImported data =
        new ActivityImported(
            ID,
            "usr_1",
            "eu",
            1,
            "running",
            START,
            "+01:00",
            3725,
            3641.5,
            12034.7,
            null,
            List.of("garmin"),
            AT);
    CloudEvent<ActivityImported> event = ActivityImported.event("evt-1", data);

    String json = CODEC.encode(event);

    assertThat(event.source()).isEqualTo("/stride/eu/devices");
    assertThat(event.subject()).isEqualTo("usr_1");
    assertThat(event.time()).isEqualTo(AT);
    assertThat(json).doesNotContain("elevationGainMeters");
    assertThat(EventSchemas.load(ActivityImported.SCHEMA_RESOURCE).validate(JSON.readTree(json)))
        .isEmpty();
    assertThat(CODEC.decode(json, ActivityImported.EVENT_TYPE).data()).isEqualTo(data);
  }

  @Test
  void imported_withoutOptionalNumbers_leavesThemOutAndStaysValid() {
    ActivityImported data =
        new ActivityImported(
            ID,
            "u-apac-7",
            "apac",
            1,
            "yoga",
            START,
            null,
            1800,
            0,
            null,
            null,
            List.of("health-connect"),
            AT);

    String json = CODEC.encode(ActivityImported.event("evt-2", data));

    assertThat(json).doesNotContain("utcOffset", "distanceMeters", "elevationGainMeters");
    assertThat(EventSchemas.load(ActivityImported.SCHEMA_RESOURCE).validate(JSON.readTree(json)))
        .isEmpty();
  }

  @Test
  void merged_encodesToAnEventItsSchemaAccepts_andDecodesBack() {
    ActivityMerged data =
        new ActivityMerged(
            ID,
            "usr_1",
            "us",
            2,
            "cycling",
            START,
            "-05:00",
            5400,
            5012,
            40211.0,
            310.0,
            List.of("upload", "wahoo", "apple-health"),
            "apple-health",
            AT);
    CloudEvent<ActivityMerged> event = ActivityMerged.event("evt-3", data);

    String json = CODEC.encode(event);

    assertThat(event.source()).isEqualTo("/stride/us/devices");
    assertThat(EventSchemas.load(ActivityMerged.SCHEMA_RESOURCE).validate(JSON.readTree(json)))
        .isEmpty();
    assertThat(CODEC.decode(json, ActivityMerged.EVENT_TYPE).data()).isEqualTo(data);
  }

  @Test
  void updated_encodesToAnEventItsSchemaAccepts_andDecodesBack() {
    ActivityUpdated data =
        new ActivityUpdated(
            ID,
            "usr_1",
            "eu",
            3,
            "hiking",
            START,
            "+01:00",
            3725,
            3641.5,
            12034.7,
            null,
            List.of("strava", "garmin"),
            "strava",
            AT);
    CloudEvent<ActivityUpdated> event = ActivityUpdated.event("evt-4", data);

    String json = CODEC.encode(event);

    assertThat(event.source()).isEqualTo("/stride/eu/devices");
    assertThat(event.type()).isEqualTo("app.stride.activity.v1.updated");
    assertThat(json).doesNotContain("elevationGainMeters");
    assertThat(EventSchemas.load(ActivityUpdated.SCHEMA_RESOURCE).validate(JSON.readTree(json)))
        .isEmpty();
    assertThat(CODEC.decode(json, ActivityUpdated.EVENT_TYPE).data()).isEqualTo(data);
  }

  @Test
  void validTestdata_decodesIntoTheRecords() {
    assertThat(decode("ActivityImported-garmin-run-eu.json", ActivityImported.EVENT_TYPE).sources())
        .containsExactly("garmin");
    assertThat(decode("ActivityImported-yoga-apac-traced.json", ActivityImported.EVENT_TYPE))
        .extracting(ActivityImported::utcOffset, ActivityImported::distanceMeters)
        .containsExactly(null, null);
    assertThat(
            decode("ActivityMerged-strava-into-garmin-eu.json", ActivityMerged.EVENT_TYPE)
                .addedSource())
        .isEqualTo("strava");
    assertThat(decode("ActivityMerged-cycling-us-traced.json", ActivityMerged.EVENT_TYPE).version())
        .isEqualTo(3);
    assertThat(
            decode("ActivityUpdated-sport-corrected-on-strava-eu.json", ActivityUpdated.EVENT_TYPE))
        .extracting(ActivityUpdated::sport, ActivityUpdated::updatedSource)
        .containsExactly("hiking", "strava");
  }

  @Test
  void decode_refusesAnImportedEventAsMerged() {
    String json = JSON.readTree(resource("ActivityImported-garmin-run-eu.json")).toString();

    assertThatThrownBy(() -> CODEC.decode(json, ActivityMerged.EVENT_TYPE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decode_refusesAMergedEventAsUpdated() {
    String json = JSON.readTree(resource("ActivityMerged-strava-into-garmin-eu.json")).toString();

    assertThatThrownBy(() -> CODEC.decode(json, ActivityUpdated.EVENT_TYPE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sources_matchTheProvidersEverySchemaAllows() {
    for (String schema :
        List.of(
            ActivityImported.SCHEMA_RESOURCE,
            ActivityMerged.SCHEMA_RESOURCE,
            ActivityUpdated.SCHEMA_RESOURCE)) {
      JsonNode node = EventSchemas.readTree(schema);
      List<String> items =
          strings(node.at("/$defs").iterator().next().at("/properties/sources/items/enum"));

      assertThat(items).as(schema).containsExactlyInAnyOrderElementsOf(ActivityImported.SOURCES);
    }
    JsonNode merged = EventSchemas.readTree(ActivityMerged.SCHEMA_RESOURCE);
    assertThat(strings(merged.at("/$defs/ActivityMergedData/properties/addedSource/enum")))
        .containsExactlyInAnyOrderElementsOf(ActivityImported.SOURCES);
    JsonNode updated = EventSchemas.readTree(ActivityUpdated.SCHEMA_RESOURCE);
    assertThat(strings(updated.at("/$defs/ActivityUpdatedData/properties/updatedSource/enum")))
        .containsExactlyInAnyOrderElementsOf(ActivityImported.SOURCES);
  }

  @Test
  void new_refusesWhatTheSchemasRefuse() {
    assertThatThrownBy(() -> imported("w_01jd8x4m2q7r5t9v3w6y8z0a1b", "+01:00", 1.0, "garmin"))
        .hasMessageContaining("activityId");
    assertThatThrownBy(() -> imported(ID, "Europe/Berlin", 1.0, "garmin"))
        .hasMessageContaining("utcOffset");
    assertThatThrownBy(() -> imported(ID, "+01:00", -1.0, "garmin"))
        .hasMessageContaining("distanceMeters");
    assertThatThrownBy(() -> imported(ID, "+01:00", 1.0, "zwift")).hasMessageContaining("zwift");
    assertThatThrownBy(() -> imported(ID, "+01:00", 1.0)).hasMessageContaining("sources");
    assertThatThrownBy(() -> imported(ID, "+01:00", 1.0, "garmin", "garmin"))
        .hasMessageContaining("sources");
    assertThatThrownBy(() -> merged(List.of(), "strava")).hasMessageContaining("sources");
    assertThatThrownBy(() -> merged(List.of("garmin", "strava"), "polar"))
        .hasMessageContaining("addedSource");
    assertThatThrownBy(() -> updated(1, List.of("strava"), "strava"))
        .hasMessageContaining("version");
    assertThatThrownBy(() -> updated(2, List.of("garmin"), "strava"))
        .hasMessageContaining("updatedSource");
  }

  private static ActivityImported imported(
      String activityId, String utcOffset, Double distance, String... sources) {
    return new ActivityImported(
        activityId,
        "u",
        "eu",
        1,
        "running",
        START,
        utcOffset,
        60,
        60,
        distance,
        null,
        List.of(sources),
        AT);
  }

  private static ActivityMerged merged(List<String> sources, String added) {
    return new ActivityMerged(
        ID, "u", "eu", 2, "running", START, null, 60, 60, null, null, sources, added, AT);
  }

  private static ActivityUpdated updated(long version, List<String> sources, String updated) {
    return new ActivityUpdated(
        ID, "u", "eu", version, "running", START, null, 60, 60, null, null, sources, updated, AT);
  }

  private static <T> T decode(String file, EventType<T> type) {
    return CODEC.decode(resource(file), type).data();
  }

  private static String resource(String file) {
    return EventSchemas.readTree(TESTDATA + file).toString();
  }

  private static List<String> strings(JsonNode array) {
    assertThat(array.isArray()).isTrue();
    return array.valueStream().map(JsonNode::asString).toList();
  }
}
