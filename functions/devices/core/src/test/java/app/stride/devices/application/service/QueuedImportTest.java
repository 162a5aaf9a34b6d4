package app.stride.devices.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.devices.domain.ImportId;
import app.stride.devices.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QueuedImportTest {
  private static final ImportId ID =
      ImportId.next(Instant.parse("2026-09-27T12:00:00Z"), new Random(5));

  @Test
  void write_thenRead_isTheSameMessage() {
    QueuedImport message = new QueuedImport(new UserId("usr_anna"), ID);

    assertThat(QueuedImport.read(message.write())).contains(message);
  }

  @Test
  void read_refusesAnythingElse_soNotificationsAndPoisonAreNotTakenForImports() {
    for (String body :
        new String[] {
          "",
          "[]",
          "{\"kind\":\"import.file\",\"userId\":\"usr_anna\"}",
          "{\"kind\":\"webhook.polar\",\"userId\":\"usr_anna\",\"importId\":\"" + ID + "\"}",
          "{\"kind\":\"import.file\",\"userId\":\"usr anna\",\"importId\":\"" + ID + "\"}",
          "{\"kind\":\"import.file\",\"userId\":\"usr_anna\",\"importId\":\"i_nope\"}",
          "{\"kind\":\"import.file\",\"userId\":\"a\",\"importId\":\"" + ID + "\",\"x\":1}",
          "{\"kind\":\"import.file\",\"kind\":\"import.file\",\"userId\":\"a\",\"importId\":\""
              + ID
              + "\"}",
          "{\"provider\":\"polar\",\"providerUserId\":\"1\",\"kind\":\"activity-created\","
              + "\"idempotencyKey\":\"k\"}"
        }) {
      assertThat(QueuedImport.read(body.getBytes(StandardCharsets.UTF_8))).as(body).isEmpty();
    }
  }
}
