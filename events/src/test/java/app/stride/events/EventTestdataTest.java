package app.stride.events;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.events.EventCatalog.Sample;
import app.stride.events.EventCatalog.SchemaFile;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every file under events/testdata gets the verdict its path promises from its type's schema. */
class EventTestdataTest {

  private static final List<SchemaFile> SCHEMAS = EventCatalog.schemas();
  private static final List<Sample> SAMPLES = EventCatalog.samples();

  @TestFactory
  Stream<DynamicTest> testdataFile_passesOrFailsItsSchemaAsItsPathSays() {
    return SAMPLES.stream()
        .map(
            sample ->
                DynamicTest.dynamicTest(
                    sample.toString(),
                    () -> {
                      SchemaFile schema = EventCatalog.schemaFor(sample, SCHEMAS).orElseThrow();
                      assertThat(
                              TestdataVerdicts.mismatches(
                                  EventSchemas.load(schema.resource()), List.of(sample)))
                          .isEmpty();
                    }));
  }

  @Test
  void everyTestdataFile_mapsToExactlyOneSchema() {
    assertThat(SAMPLES).isNotEmpty();
    assertThat(SAMPLES)
        .allSatisfy(
            sample ->
                assertThat(EventCatalog.schemaFor(sample, SCHEMAS))
                    .as(sample.toString())
                    .isPresent());
  }

  @Test
  void everySchema_hasValidAndInvalidTestdata() {
    assertThat(SCHEMAS).isNotEmpty();
    for (SchemaFile schema : SCHEMAS) {
      List<Sample> own =
          SAMPLES.stream()
              .filter(s -> EventCatalog.schemaFor(s, SCHEMAS).orElseThrow().equals(schema))
              .toList();
      assertThat(own).as(schema.resource()).anyMatch(Sample::valid).anyMatch(s -> !s.valid());
    }
  }

  @Test
  void profileUpdated_hasTheRequiredVariants() {
    assertThat(SAMPLES)
        .extracting(Sample::toString)
        .contains(
            "profile/v1/ProfileUpdated-created.json",
            "profile/v1/ProfileUpdated-patched.json",
            "profile/v1/ProfileUpdated-deleted.json",
            "profile/v1/invalid/ProfileUpdated-missing-id.json",
            "profile/v1/invalid/ProfileUpdated-unknown-change.json",
            "profile/v1/invalid/ProfileUpdated-extra-data-field.json");
  }

  @Test
  void workoutEvents_haveTheRequiredVariants() {
    assertThat(SAMPLES)
        .extracting(Sample::toString)
        .contains(
            "workout/v1/WorkoutRecorded-marathon-eu.json",
            "workout/v1/WorkoutUpdated-distance-and-notes.json",
            "workout/v1/WorkoutDeleted-eu.json",
            "workout/v1/invalid/WorkoutRecorded-notes-included.json",
            "workout/v1/invalid/WorkoutRecorded-heart-rate-included.json",
            "workout/v1/invalid/WorkoutDeleted-with-sport.json");
  }

  @Test
  void activityEvents_haveTheRequiredVariants() {
    assertThat(SAMPLES)
        .extracting(Sample::toString)
        .contains(
            "activity/v1/ActivityImported-garmin-run-eu.json",
            "activity/v1/ActivityImported-yoga-apac-traced.json",
            "activity/v1/ActivityMerged-strava-into-garmin-eu.json",
            "activity/v1/ActivityMerged-cycling-us-traced.json",
            "activity/v1/invalid/ActivityImported-bad-activity-id.json",
            "activity/v1/invalid/ActivityImported-heart-rate-included.json",
            "activity/v1/invalid/ActivityImported-positions-included.json",
            "activity/v1/invalid/ActivityImported-device-serial-included.json",
            "activity/v1/invalid/ActivityImported-unknown-provider.json",
            "activity/v1/invalid/ActivityImported-empty-sources.json",
            "activity/v1/invalid/ActivityImported-negative-distance.json",
            "activity/v1/invalid/ActivityImported-wrong-type.json",
            "activity/v1/invalid/ActivityMerged-heart-rate-included.json",
            "activity/v1/invalid/ActivityMerged-unknown-added-source.json",
            "activity/v1/invalid/ActivityMerged-wrong-type.json",
            "activity/v1/ActivityUpdated-sport-corrected-on-strava-eu.json",
            "activity/v1/invalid/ActivityUpdated-heart-rate-included.json",
            "activity/v1/invalid/ActivityUpdated-positions-included.json",
            "activity/v1/invalid/ActivityUpdated-device-name-included.json",
            "activity/v1/invalid/ActivityUpdated-title-included.json",
            "activity/v1/invalid/ActivityUpdated-unknown-updated-source.json",
            "activity/v1/invalid/ActivityUpdated-version-one.json",
            "activity/v1/invalid/ActivityUpdated-wrong-type.json");
  }

  @Test
  void userDeleted_hasTheRequiredVariants() {
    assertThat(SAMPLES)
        .extracting(Sample::toString)
        .contains(
            "user/v1/UserDeleted-eu.json",
            "user/v1/UserDeleted-apac-traced.json",
            "user/v1/invalid/UserDeleted-missing-id.json",
            "user/v1/invalid/UserDeleted-wrong-type.json",
            "user/v1/invalid/UserDeleted-personal-data.json",
            "user/v1/invalid/UserDeleted-missing-deleted-at.json");
  }

  @Test
  void acceptEverythingSchema_wouldMakeTheSuiteFail() {
    long invalidSamples = SAMPLES.stream().filter(s -> !s.valid()).count();

    List<String> mismatches = TestdataVerdicts.mismatches(EventSchemas.fromText("{}"), SAMPLES);

    assertThat(invalidSamples).isPositive();
    assertThat(mismatches)
        .hasSize((int) invalidSamples)
        .allMatch(m -> m.endsWith("should fail but passes"));
  }

  @Test
  void rejectEverythingSchema_wouldMakeTheSuiteFail() {
    long validSamples = SAMPLES.stream().filter(Sample::valid).count();

    List<String> mismatches = TestdataVerdicts.mismatches(EventSchemas.fromText("false"), SAMPLES);

    assertThat(mismatches).hasSize((int) validSamples);
  }
}
