package app.stride.events.user.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.events.CloudEvent;
import app.stride.events.EventCatalog;
import app.stride.events.EventCatalog.Sample;
import app.stride.events.EventCodec;
import app.stride.events.EventSchemas;
import com.networknt.schema.Schema;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The record and the codec produce and read exactly what the schema and the test data say. */
class UserDeletedCodecTest {

  private static final EventCodec CODEC = new EventCodec();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Schema SCHEMA = EventSchemas.load(UserDeleted.SCHEMA_RESOURCE);
  private static final Instant AT = Instant.parse("2026-05-02T09:15:30.250123Z");

  static Stream<Sample> validUserDeletedSamples() {
    return EventCatalog.samples().stream().filter(s -> s.valid() && s.type().equals("UserDeleted"));
  }

  private static CloudEvent<UserDeleted> sample() {
    return UserDeleted.event("01J9ZS2K4M5N6P7Q8R9S0T1V2W", "eu", "usr_42", AT);
  }

  @Test
  void encode_producesJsonThatTheSchemaAccepts() {
    String json = CODEC.encode(sample());

    assertThat(SCHEMA.validate(JSON.readTree(json))).isEmpty();
  }

  @Test
  void encode_writesIso8601TimesAndOnlyTheThreeDataMembers() {
    JsonNode json = JSON.readTree(CODEC.encode(sample()));

    assertThat(json.path("time").asString()).isEqualTo("2026-05-02T09:15:30.250123Z");
    assertThat(json.at("/data/deletedAt").asString()).isEqualTo("2026-05-02T09:15:30.250123Z");
    assertThat(json.path("data").propertyNames())
        .containsExactlyInAnyOrder("userId", "homeRegion", "deletedAt");
    assertThat(json.path("dataschema").asString()).isEqualTo(UserDeleted.SCHEMA.toString());
  }

  @Test
  void decode_roundTripsWhatEncodeWrote() {
    CloudEvent<UserDeleted> event = sample();

    assertThat(CODEC.decode(CODEC.encode(event), UserDeleted.EVENT_TYPE)).isEqualTo(event);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validUserDeletedSamples")
  void decode_readsEveryValidTestdataFileIntoTheRecord(Sample sample) {
    JsonNode expected = EventSchemas.readTree(sample.resource());

    CloudEvent<UserDeleted> event = CODEC.decode(expected.toString(), UserDeleted.EVENT_TYPE);

    assertThat(event.id()).isEqualTo(expected.path("id").asString());
    assertThat(event.subject()).isEqualTo(event.data().userId());
    assertThat(event.source()).isEqualTo("/stride/" + event.data().homeRegion() + "/auth");
    assertThat(event.time()).isEqualTo(event.data().deletedAt());
    assertThat(event.data().deletedAt())
        .isEqualTo(Instant.parse(expected.at("/data/deletedAt").asString()));
    assertThat(SCHEMA.validate(JSON.readTree(CODEC.encode(event)))).isEmpty();
  }

  @Test
  void decode_refusesAnotherEventType() {
    String json = CODEC.encode(sample()).replace(UserDeleted.TYPE, "app.stride.user.v2.deleted");

    assertThatThrownBy(() -> CODEC.decode(json, UserDeleted.EVENT_TYPE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("app.stride.user.v2.deleted");
  }

  @Test
  void decode_refusesDataThatBreaksTheRecordInvariants() {
    String json =
        CODEC.encode(sample()).replace("\"homeRegion\":\"eu\"", "\"homeRegion\":\"EU-CENTRAL\"");

    assertThatThrownBy(() -> CODEC.decode(json, UserDeleted.EVENT_TYPE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decode_refusesMissingDeletedAt() {
    String json = CODEC.encode(sample()).replaceFirst(",\"deletedAt\":\"[^\"]+\"", "");

    assertThatThrownBy(() -> CODEC.decode(json, UserDeleted.EVENT_TYPE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
