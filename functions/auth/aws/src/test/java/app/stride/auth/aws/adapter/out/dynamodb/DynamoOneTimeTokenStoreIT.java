package app.stride.auth.aws.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.auth.application.port.out.OneTimeTokenStore;
import app.stride.auth.domain.OneTimeToken;
import app.stride.auth.domain.OneTimeToken.Purpose;
import app.stride.auth.domain.UserId;
import app.stride.auth.testing.OneTimeTokenStoreContract;
import app.stride.testkit.junit.DynaliteExtension;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoOneTimeTokenStoreIT extends OneTimeTokenStoreContract {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();

  private AuthTableFixture table;

  @Override
  protected OneTimeTokenStore newStore() {
    table = AuthTableFixture.fresh(DYNAMO);
    return new DynamoOneTimeTokenStore(table.enhanced, table.config);
  }

  @Test
  void save_writesAnOttItemWithTheTtlRoundedUp() {
    OneTimeTokenStore store = newStore();
    Instant expiresAt = Instant.parse("2026-03-02T08:15:30.250Z");

    store.save(new OneTimeToken("h1", Purpose.VERIFY_EMAIL, UserId.random(), expiresAt, 0));

    Map<String, AttributeValue> raw = table.rawItem("OTT#h1");
    assertThat(raw.get("expiresAt").n()).isEqualTo(Long.toString(expiresAt.getEpochSecond() + 1));
    assertThat(raw.get("purpose").s()).isEqualTo("VERIFY_EMAIL");
    assertThat(raw).doesNotContainKey("token");
  }

  @Test
  void consume_withinTheLastSecondAfterExpiry_deletesTheDeadTokenAndReportsItAbsent() {
    OneTimeTokenStore store = newStore();
    Instant expiresAt = Instant.parse("2026-03-02T08:15:30.250Z");
    store.save(new OneTimeToken("h2", Purpose.RESET_PASSWORD, UserId.random(), expiresAt, 0));

    assertThat(store.consume("h2", Purpose.RESET_PASSWORD, expiresAt.plusMillis(100))).isEmpty();

    assertThat(table.rawItem("OTT#h2")).isEmpty();
  }
}
