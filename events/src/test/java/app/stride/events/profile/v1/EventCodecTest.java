package app.stride.events.profile.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.events.CloudEvent;
import app.stride.events.EventCatalog;
import app.stride.events.EventCatalog.Sample;
import app.stride.events.EventCodec;
import app.stride.events.EventSchemas;
import app.stride.events.profile.v1.ProfileUpdated.Change;
import com.networknt.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The records and the codec produce and read exactly what the schema and the test data say. */
class EventCodecTest {

  private static final EventCodec CODEC = new EventCodec();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Schema SCHEMA = EventSchemas.load(ProfileUpdated.SCHEMA_RESOURCE);
  private static final Instant AT = Instant.parse("2026-03-14T07:45:12.345678Z");

  static Stream<Sample> validProfileSamples() {
    return EventCatalog.samples().stream()
        .filter(s -> s.valid() && s.type().equals("ProfileUpdated"));
  }

  private static CloudEvent<ProfileUpdated> sample(Change change) {
    List<String> fields = change == Change.DELETED ? List.of() : List.of("displayName", "goals");
    return ProfileUpdated.event(
        "01J9ZQ7E3F4G5H6J7K8M9N0P1Q", "eu", "usr_42", 4, change, fields, AT);
  }

  @ParameterizedTest
  @EnumSource(Change.class)
  void encode_producesJsonThatTheSchemaAccepts(Change change) {
    String json = CODEC.encode(sample(change));

    assertThat(SCHEMA.validate(JSON.readTree(json))).isEmpty();
  }

  @Test
  void encode_writesIso8601TimesAndLowerCaseChange() {
    JsonNode json = JSON.readTree(CODEC.encode(sample(Change.PATCHED)));

    assertThat(json.path("time").asString()).isEqualTo("2026-03-14T07:45:12.345678Z");
    assertThat(json.at("/data/occurredAt").asString()).isEqualTo("2026-03-14T07:45:12.345678Z");
    assertThat(json.at("/data/change").asString()).isEqualTo("patched");
    assertThat(json.at("/data/version").isIntegralNumber()).isTrue();
    assertThat(json.path("dataschema").asString()).isEqualTo(ProfileUpdated.SCHEMA.toString());
  }

  @Test
  void encode_omitsAbsentOptionalAttributes() {
    CloudEvent<String> minimal =
        new CloudEvent<>(
            "1.0",
            "e-1",
            "/stride/eu/test",
            "app.stride.test.v1.done",
            null,
            null,
            null,
            null,
            "x");

    JsonNode json = JSON.readTree(CODEC.encode(minimal));

    assertThat(json.propertyNames()).containsExactly("specversion", "id", "source", "type", "data");
  }

  @Test
  void encodeToBytes_isUtf8OfTheSameJson() {
    CloudEvent<ProfileUpdated> event = sample(Change.CREATED);

    assertThat(new String(CODEC.encodeToBytes(event), StandardCharsets.UTF_8))
        .isEqualTo(CODEC.encode(event));
  }

  @ParameterizedTest
  @EnumSource(Change.class)
  void decode_roundTripsWhatEncodeWrote(Change change) {
    CloudEvent<ProfileUpdated> event = sample(change);

    assertThat(CODEC.decode(CODEC.encode(event), ProfileUpdated.EVENT_TYPE)).isEqualTo(event);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validProfileSamples")
  void decode_readsEveryValidTestdataFileIntoTheRecords(Sample sample) {
    JsonNode expected = EventSchemas.readTree(sample.resource());

    CloudEvent<ProfileUpdated> event = CODEC.decode(expected.toString(), ProfileUpdated.EVENT_TYPE);

    assertThat(event.id()).isEqualTo(expected.path("id").asString());
    assertThat(event.subject()).isEqualTo(event.data().userId());
    assertThat(event.time()).isEqualTo(Instant.parse(expected.path("time").asString()));
    assertThat(event.data().version()).isEqualTo(expected.at("/data/version").asLong());
    assertThat(event.data().change().name().toLowerCase(java.util.Locale.ROOT))
        .isEqualTo(expected.at("/data/change").asString());
    assertThat(event.data().changedFields())
        .containsExactlyElementsOf(
            expected.at("/data/changedFields").values().stream().map(JsonNode::asString).toList());
    assertThat(SCHEMA.validate(JSON.readTree(CODEC.encode(event)))).isEmpty();
  }

  @Test
  void decode_refusesAnotherEventType() {
    String json =
        CODEC
            .encode(sample(Change.CREATED))
            .replace(ProfileUpdated.TYPE, "app.stride.profile.v2.updated");

    assertThatThrownBy(() -> CODEC.decode(json, ProfileUpdated.EVENT_TYPE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("app.stride.profile.v2.updated");
  }

  @Test
  void decode_refusesDataThatBreaksTheRecordInvariants() {
    String json = CODEC.encode(sample(Change.CREATED)).replace("\"version\":4", "\"version\":0");

    assertThatThrownBy(() -> CODEC.decode(json, ProfileUpdated.EVENT_TYPE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decode_refusesMalformedJson() {
    assertThatThrownBy(() -> CODEC.decode("{\"specversion\":", ProfileUpdated.EVENT_TYPE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
