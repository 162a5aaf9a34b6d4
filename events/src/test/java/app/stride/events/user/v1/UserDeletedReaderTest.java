package app.stride.events.user.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.events.CloudEvent;
import app.stride.events.EventCatalog;
import app.stride.events.EventCatalog.Sample;
import app.stride.events.EventCodec;
import app.stride.events.UnreadableEventException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The erasers' strict reader: exactly the contract, and no content quoted when refusing. */
class UserDeletedReaderTest {
  private final UserDeletedReader reader = new UserDeletedReader();

  static Stream<Sample> valid() {
    return samples(true);
  }

  static Stream<Sample> invalid() {
    return samples(false);
  }

  private static Stream<Sample> samples(boolean valid) {
    return EventCatalog.samples().stream()
        .filter(s -> s.valid() == valid && s.type().equals("UserDeleted"));
  }

  @Test
  void read_returnsWhatAuthPublishes() {
    CloudEvent<UserDeleted> published =
        UserDeleted.event("ev-1", "apac", "usr_7", Instant.parse("2026-11-27T09:00:00Z"));

    CloudEvent<UserDeleted> read = reader.read(new EventCodec().encodeToBytes(published));

    assertThat(read.id()).isEqualTo("ev-1");
    assertThat(read.data()).isEqualTo(published.data());
  }

  @Test
  void readErasure_givesTheUserInTheCapabilitysForm() {
    byte[] body =
        new EventCodec().encodeToBytes(UserDeleted.event("ev-5", "us", "usr_9", Instant.now()));

    UserErasure<StringBuilder> erasure = reader.readErasure(body, StringBuilder::new);

    assertThat(erasure.eventId()).isEqualTo("ev-5");
    assertThat(erasure.userId()).hasToString("usr_9");
    assertThat(erasure.homeRegion()).isEqualTo("us");
  }

  @Test
  void readErasure_refusesAUserIdTheCapabilityCouldNeverHaveStored_withoutQuotingIt() {
    byte[] body =
        new EventCodec().encodeToBytes(UserDeleted.event("ev-6", "us", "usr_9", Instant.now()));

    assertThatThrownBy(
            () ->
                reader.readErasure(
                    body,
                    id -> {
                      throw new IllegalArgumentException("not " + id);
                    }))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessage("event ev-6: userId has a foreign form");
  }

  @Test
  void readErasure_refusesAnInvalidEventBeforeAskingForTheUserId() {
    assertThatThrownBy(
            () ->
                reader.readErasure(
                    "{}".getBytes(StandardCharsets.UTF_8),
                    id -> {
                      throw new AssertionError("asked for " + id);
                    }))
        .isInstanceOf(UnreadableEventException.class);
  }

  @ParameterizedTest
  @MethodSource("valid")
  void read_acceptsEveryValidSample(Sample sample) throws IOException {
    assertThat(reader.read(bytes(sample)).type()).isEqualTo(UserDeleted.TYPE);
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void read_refusesEveryInvalidSample_withoutQuotingIt(Sample sample) throws IOException {
    byte[] body = bytes(sample);

    assertThatThrownBy(() -> reader.read(body))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessageNotContaining("usr_");
  }

  @Test
  void read_refusesASubjectThatIsNotTheUser() {
    String body =
        new EventCodec()
            .encode(UserDeleted.event("ev-2", "eu", "usr_1", Instant.now()))
            .replace("\"subject\":\"usr_1\"", "\"subject\":\"usr_2\"");

    assertThatThrownBy(() -> reader.read(body.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessage("event ev-2: subject is not data.userId");
  }

  @Test
  void read_refusesAnEventFromAnotherRegionsAuth() {
    String body =
        new EventCodec()
            .encode(UserDeleted.event("ev-3", "eu", "usr_1", Instant.now()))
            .replace("/stride/eu/auth", "/stride/us/auth");

    assertThatThrownBy(() -> reader.read(body.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessageContaining("source is not the auth function of data.homeRegion");
  }

  @Test
  void read_ofNonJson_saysSo() {
    assertThatThrownBy(() -> reader.read("{\"id\": \"usr_1".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessage("body is not JSON");
  }

  private static byte[] bytes(Sample sample) throws IOException {
    try (InputStream in =
        UserDeletedReaderTest.class.getClassLoader().getResourceAsStream(sample.resource())) {
      return in.readAllBytes();
    }
  }
}
