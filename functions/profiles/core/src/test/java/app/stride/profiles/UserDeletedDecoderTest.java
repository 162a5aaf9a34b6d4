package app.stride.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.region.RegionId;
import app.stride.core.trigger.QueueMessage;
import app.stride.events.EventCodec;
import app.stride.events.UnreadableEventException;
import app.stride.events.user.v1.UserDeleted;
import app.stride.profiles.adapter.in.queue.UserDeletedDecoder;
import app.stride.profiles.application.port.in.EraseUserDataCommand;
import app.stride.profiles.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a queue message becomes an erasure, and how a bad one is described. */
class UserDeletedDecoderTest {
  private final UserDeletedDecoder decoder = new UserDeletedDecoder();

  @Test
  void decode_readsWhatAuthPublishes() {
    byte[] body =
        new EventCodec()
            .encodeToBytes(
                UserDeleted.event(
                    "ev-1", "eu", "0b7c2f4e-1d5a-4c1b-9a1e-2f3d4c5b6a79", Instant.now()));

    EraseUserDataCommand command = decoder.decode(new QueueMessage("m-1", body, Map.of(), 1));

    assertThat(command)
        .isEqualTo(
            new EraseUserDataCommand(
                "ev-1", new UserId("0b7c2f4e-1d5a-4c1b-9a1e-2f3d4c5b6a79"), RegionId.of("eu")));
  }

  @Test
  void decode_ofASchemaViolation_namesWhereAndWhichRule_butNeverTheContent() {
    String body = UserDeletedFixtures.body(UserDeletedFixtures.PERSONAL_DATA, "ev-2", "ana", "eu");
    QueueMessage message =
        new QueueMessage("m-2", body.getBytes(StandardCharsets.UTF_8), Map.of(), 1);

    assertThatThrownBy(() -> decoder.decode(message))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessageContaining("/data additionalProperties")
        .hasMessageNotContaining(UserDeletedFixtures.LEAKED_EMAIL)
        .hasMessageNotContaining("email");
  }

  @Test
  void decode_ofMalformedJson_doesNotQuoteTheBody() {
    QueueMessage message =
        new QueueMessage(
            "m-3",
            "{\"subject\": \"ana.secret@example.com\"".getBytes(StandardCharsets.UTF_8),
            Map.of(),
            1);

    assertThatThrownBy(() -> decoder.decode(message))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessage("body is not JSON");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "UserDeleted-personal-data.json          | [/data additionalProperties]",
        "UserDeleted-subject-not-the-user.json   | subject is not data.userId",
        "UserDeleted-source-of-another-region.json | source is not the auth function",
        "UserDeleted-bad-deleted-at.json         | [/data/deletedAt format]",
        "UserDeleted-missing-home-region.json    | [/data required]",
        "UserDeleted-profile-updated-type.json   | [/type const]",
        "UserDeleted-user-id-profiles-cannot-hold.json | userId has a foreign form",
        "UserDeleted-array.json                  | body is not a JSON object",
        "not-json.txt                            | body is not JSON"
      })
  void decode_ofAnInvalidFixture_saysWhy_andQuotesNoContent(String file, String reason) {
    String fixture = "user-deleted/invalid/" + file;
    String body = UserDeletedFixtures.body(fixture, "ev-4", "ana", "eu");
    QueueMessage message =
        new QueueMessage("m-4", body.getBytes(StandardCharsets.UTF_8), Map.of(), 1);

    assertThat(UserDeletedFixtures.INVALID).contains(fixture);
    assertThatThrownBy(() -> decoder.decode(message))
        .isInstanceOf(UnreadableEventException.class)
        .hasMessageContaining(reason)
        .hasMessageNotContaining(UserDeletedFixtures.LEAKED_EMAIL)
        .hasMessageNotContaining("ana");
  }
}
