package app.stride.apispecs;

import static app.stride.apispecs.SpecSchemas.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deliberately bad payloads are refused by the mobile API's schemas; good ones pass. */
class ProfileSchemasTest {

  private static final SpecSchemas SCHEMAS = new SpecSchemas();
  private static final String PUT_BODY =
      "/paths/~1v1~1me~1profile/put/requestBody/content/application~1json/schema";
  private static final String PATCH_BODY =
      "/paths/~1v1~1me~1profile/patch/requestBody/content/application~1merge-patch+json/schema";

  private static List<Error> input(String body) {
    return SCHEMAS.validate(SpecDocuments.MOBILE_API, PUT_BODY, json(body));
  }

  private static List<Error> patch(String body) {
    return SCHEMAS.validate(SpecDocuments.MOBILE_API, PATCH_BODY, json(body));
  }

  private static List<Error> component(String name, String body) {
    return SCHEMAS.component(name).validate(json(body));
  }

  @Test
  void put_acceptsDisplayNameOnly() {
    assertThat(input("{\"displayName\":\"Sam\"}")).isEmpty();
  }

  @Test
  void put_rejectsUnknownField() {
    List<Error> errors = input("{\"displayName\":\"Sam\",\"nickname\":\"sammy\"}");

    assertThat(errors).extracting(Error::getKeyword).contains("additionalProperties");
  }

  @Test
  void put_rejectsUnknownFieldInsideGoals() {
    assertThat(input("{\"displayName\":\"Sam\",\"goals\":{\"pace\":\"5:00\"}}")).isNotEmpty();
  }

  @Test
  void put_rejectsMissingDisplayName() {
    assertThat(input("{\"about\":\"hi\"}")).extracting(Error::getKeyword).contains("required");
  }

  @Test
  void put_rejectsDisplayNameLongerThan60() {
    String sixty = "a".repeat(60);

    assertThat(input("{\"displayName\":\"" + sixty + "\"}")).isEmpty();
    assertThat(input("{\"displayName\":\"" + sixty + "b\"}"))
        .extracting(Error::getKeyword)
        .contains("maxLength");
  }

  @Test
  void put_rejectsEmptyDisplayName() {
    assertThat(input("{\"displayName\":\"\"}")).isNotEmpty();
  }

  @Test
  void put_rejectsUnknownUnits() {
    List<Error> errors =
        input("{\"displayName\":\"Sam\",\"preferences\":{\"units\":\"furlongs\"}}");

    assertThat(errors).extracting(Error::getKeyword).contains("enum");
  }

  @Test
  void put_rejectsUnknownSex() {
    assertThat(input("{\"displayName\":\"Sam\",\"sex\":\"unknown\"}")).isNotEmpty();
  }

  @Test
  void put_rejectsBirthYearOutOfRange() {
    assertThat(input("{\"displayName\":\"Sam\",\"birthYear\":1899}")).isNotEmpty();
    assertThat(input("{\"displayName\":\"Sam\",\"birthYear\":2101}")).isNotEmpty();
    assertThat(input("{\"displayName\":\"Sam\",\"birthYear\":1990.5}")).isNotEmpty();
  }

  @Test
  void put_rejectsHeightAndWeightOutOfRange() {
    assertThat(input("{\"displayName\":\"Sam\",\"heightCm\":273}")).isNotEmpty();
    assertThat(input("{\"displayName\":\"Sam\",\"weightKg\":19.9}")).isNotEmpty();
  }

  @Test
  void put_rejectsBadLanguageTag() {
    assertThat(input("{\"displayName\":\"Sam\",\"preferences\":{\"language\":\"english\"}}"))
        .isNotEmpty();
    assertThat(input("{\"displayName\":\"Sam\",\"preferences\":{\"language\":\"pt-BR\"}}"))
        .isEmpty();
  }

  @Test
  void put_rejectsDuplicateOrUnknownSports() {
    assertThat(
            input(
                "{\"displayName\":\"Sam\",\"preferences\":{\"sports\":[\"running\",\"running\"]}}"))
        .extracting(Error::getKeyword)
        .contains("uniqueItems");
    assertThat(input("{\"displayName\":\"Sam\",\"preferences\":{\"sports\":[\"curling\"]}}"))
        .isNotEmpty();
  }

  @Test
  void put_rejectsTargetEventWithoutDateOrWithBadDate() {
    assertThat(
            input(
                "{\"displayName\":\"Sam\",\"goals\":{\"targetEvent\":{\"name\":\"Berlin\","
                    + "\"distanceM\":42195}}}"))
        .isNotEmpty();
    assertThat(
            input(
                "{\"displayName\":\"Sam\",\"goals\":{\"targetEvent\":{\"name\":\"Berlin\","
                    + "\"date\":\"27/09/2026\",\"distanceM\":42195}}}"))
        .extracting(Error::getKeyword)
        .contains("format");
  }

  @Test
  void put_rejectsZeroTargetDistanceAndTooMuchWeeklyDuration() {
    assertThat(
            input(
                "{\"displayName\":\"Sam\",\"goals\":{\"targetEvent\":{\"name\":\"Berlin\","
                    + "\"date\":\"2026-09-27\",\"distanceM\":0}}}"))
        .isNotEmpty();
    assertThat(
            input("{\"displayName\":\"Sam\",\"goals\":{\"weeklyVolume\":{\"durationMin\":10081}}}"))
        .isNotEmpty();
  }

  @Test
  void put_rejectsServerOwnedFields() {
    assertThat(input("{\"displayName\":\"Sam\",\"version\":3}")).isNotEmpty();
    assertThat(input("{\"displayName\":\"Sam\",\"userId\":\"usr_1\"}")).isNotEmpty();
  }

  @Test
  void patch_acceptsNullToRemoveOptionalFields() {
    assertThat(patch("{\"weightKg\":null,\"goals\":{\"text\":null,\"targetEvent\":null}}"))
        .isEmpty();
    assertThat(patch("{\"preferences\":{\"units\":null}}")).isEmpty();
  }

  @Test
  void patch_rejectsNullDisplayName() {
    assertThat(patch("{\"displayName\":null}")).isNotEmpty();
  }

  @Test
  void patch_rejectsUnknownFieldAndWrongEnum() {
    assertThat(patch("{\"nickname\":\"sammy\"}")).isNotEmpty();
    assertThat(patch("{\"preferences\":{\"activityPrivacy\":\"friends\"}}")).isNotEmpty();
  }

  @Test
  void profile_requiresPreferencesInResponses() {
    String withoutPreferences =
        "{\"userId\":\"usr_1\",\"displayName\":\"Sam\",\"version\":1,"
            + "\"updatedAt\":\"2026-03-14T08:02:40Z\"}";

    assertThat(component("Profile", withoutPreferences)).isNotEmpty();
  }

  @Test
  void problem_rejectsUndocumentedType() {
    String problem =
        "{\"type\":\"https://stride.app/problems/teapot\",\"title\":\"Teapot\",\"status\":418}";

    assertThat(component("Problem", problem)).isNotEmpty();
  }

  @Test
  void health_requiresReasonExactlyWhenRegionIsDown() {
    String down =
        "{\"id\":\"apac\",\"cloud\":\"gcp\",\"store\":\"firestore\","
            + "\"endpoint\":\"http://127.0.0.1:8002\",\"status\":\"DOWN\"";
    String up =
        "{\"id\":\"eu\",\"cloud\":\"aws\",\"store\":\"dynamodb\","
            + "\"endpoint\":\"http://127.0.0.1:8000\",\"status\":\"UP\"";

    assertThat(component("RegionHealth", down + "}")).isNotEmpty();
    assertThat(component("RegionHealth", down + ",\"reason\":\"timeout\"}")).isEmpty();
    assertThat(component("RegionHealth", up + ",\"reason\":\"timeout\"}")).isNotEmpty();
  }

  @Test
  void devToken_rejectsUnknownRegionThroughTheLocalDevDocument() {
    String pointer = "/components/schemas/DevTokenRequest";

    assertThat(
            SCHEMAS.validate(
                SpecDocuments.LOCAL_DEV,
                pointer,
                json("{\"userId\":\"u1\",\"homeRegion\":\"eu\"}")))
        .isEmpty();
    assertThat(
            SCHEMAS.validate(
                SpecDocuments.LOCAL_DEV,
                pointer,
                json("{\"userId\":\"u1\",\"homeRegion\":\"mars\"}")))
        .isNotEmpty();
  }

  @Test
  void localDevErrors_resolveTheMobileApiProblemSchema() {
    String pointer =
        "/paths/~1dev~1tokens/post/responses/400/content/application~1problem+json/schema";

    assertThat(
            SCHEMAS.validate(
                SpecDocuments.LOCAL_DEV,
                pointer,
                json(
                    "{\"type\":\"https://stride.app/problems/nope\",\"title\":\"x\",\"status\":400}")))
        .isNotEmpty();
  }
}
