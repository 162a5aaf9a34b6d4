package app.stride.auth.aws.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.auth.application.port.out.SessionStore;
import app.stride.auth.domain.RefreshToken;
import app.stride.auth.domain.SessionFamily;
import app.stride.auth.domain.UserId;
import app.stride.auth.testing.SessionStoreContract;
import app.stride.testkit.junit.DynaliteExtension;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoSessionStoreIT extends SessionStoreContract {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();

  private static final Instant ENDS = Instant.parse("2026-04-01T00:00:00Z");

  private AuthTableFixture table;

  @Override
  protected SessionStore newStore() {
    table = AuthTableFixture.fresh(DYNAMO);
    return new DynamoSessionStore(table.enhanced, table.config);
  }

  @Test
  void sessionsAndTokens_areKeyedByKindAndCarryTheTtl() {
    SessionStore store = newStore();
    UserId user = UserId.random();

    store.startSession(new SessionFamily("f1", user, ENDS.minusSeconds(60), ENDS, null));
    store.saveToken(
        new RefreshToken("h1", "f1", user, List.of("pwd"), ENDS.minusSeconds(60), ENDS, null));

    assertThat(table.rawItem("SESSION#f1").get("expiresAt").n())
        .isEqualTo(Long.toString(ENDS.getEpochSecond()));
    assertThat(table.rawItem("REFRESH#h1").get("expiresAt").n())
        .isEqualTo(Long.toString(ENDS.getEpochSecond()));
  }

  @Test
  void markRotated_changesOnlyRotatedAt() {
    SessionStore store = newStore();
    RefreshToken token =
        new RefreshToken(
            "h2", "f2", UserId.random(), List.of("pwd", "otp"), ENDS.minusSeconds(60), ENDS, null);
    store.saveToken(token);
    int attributesBefore = table.rawItem("REFRESH#h2").size();

    store.markRotated("h2", ENDS.minusSeconds(1));

    assertThat(table.rawItem("REFRESH#h2")).hasSize(attributesBefore + 1);
    assertThat(store.findToken("h2").orElseThrow().amr()).containsExactly("pwd", "otp");
  }
}
