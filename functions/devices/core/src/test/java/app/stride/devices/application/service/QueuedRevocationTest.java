package app.stride.devices.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.devices.domain.Provider;
import app.stride.devices.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueuedRevocationTest {
  private static final Instant CONNECTED = Instant.parse("2026-10-01T08:00:00Z");

  @Test
  void write_thenRead_isTheSameMessage_withAndWithoutTheOptionalParts() {
    QueuedRevocation full =
        new QueuedRevocation(
            new UserId("usr_anna"),
            Provider.STRAVA,
            "987654",
            CONNECTED,
            new byte[] {1, 2, 3},
            new byte[] {4, 5},
            Instant.parse("2026-11-27T06:00:00Z"));
    QueuedRevocation bare =
        new QueuedRevocation(
            new UserId("usr_anna"), Provider.POLAR, "42", CONNECTED, new byte[] {9}, null, null);

    assertThat(QueuedRevocation.read(full.write())).contains(full);
    assertThat(QueuedRevocation.read(bare.write())).contains(bare);
    assertThat(full.deduplicationKey())
        .isEqualTo("revoke:usr_anna:strava:" + CONNECTED.toEpochMilli());
  }

  @Test
  void read_refusesAnythingElse_soImportsNotificationsAndPoisonAreNotTakenForRevocations() {
    String valid =
        "\"userId\":\"usr_anna\",\"provider\":\"strava\",\"providerUserId\":\"1\","
            + "\"connectedAt\":\"2026-10-01T08:00:00Z\",\"accessToken\":\"AQID\"";
    for (String body :
        new String[] {
          "",
          "[]",
          "{\"kind\":\"import.file\"," + valid + "}",
          "{" + valid + "}",
          "{\"kind\":\"connection.revoke\"," + valid + ",\"extra\":1}",
          "{\"kind\":\"connection.revoke\"," + valid.replace("strava", "myspace") + "}",
          "{\"kind\":\"connection.revoke\"," + valid.replace("AQID", "not base64!") + "}",
          "{\"kind\":\"connection.revoke\"," + valid.replace("AQID", "") + "}",
          "{\"kind\":\"connection.revoke\"," + valid.replace("usr_anna", "usr anna") + "}",
          "{\"kind\":\"connection.revoke\"," + valid + ",\"expiresAt\":\"tomorrow\"}",
          "{\"kind\":\"connection.revoke\"," + valid + ",\"refreshToken\":7}",
          "{\"kind\":\"connection.revoke\","
              + valid.replace("AQID", "A".repeat(QueuedRevocation.MAX_SEALED_BYTES * 2))
              + "}"
        }) {
      assertThat(QueuedRevocation.read(body.getBytes(StandardCharsets.UTF_8)))
          .as(body.length() > 200 ? body.substring(0, 200) : body)
          .isEmpty();
    }
  }

  @Test
  void toString_showsNoTokenBytes() {
    QueuedRevocation message =
        new QueuedRevocation(
            new UserId("usr_anna"), Provider.POLAR, "42", CONNECTED, new byte[] {9}, null, null);

    assertThat(message.toString()).isEqualTo("QueuedRevocation[usr_anna, polar]");
  }
}
