package app.stride.auth.aws.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.auth.testing.KeyRingStoreContract;
import app.stride.auth.token.KeyRing;
import app.stride.auth.token.KeyRingStore;
import app.stride.testkit.junit.DynaliteExtension;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoKeyRingStoreIT extends KeyRingStoreContract {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();

  private AuthTableFixture table;

  @Override
  protected KeyRingStore newStore() {
    table = AuthTableFixture.fresh(DYNAMO);
    return new DynamoKeyRingStore(table.enhanced, table.config, Clock.systemUTC());
  }

  @Test
  void save_writesOneKeyringItemOfTheRegionWithoutTtl() {
    KeyRingStore store = newStore();

    store.save(KeyRing.bootstrap(HOME, Instant.now()), 0);

    Map<String, AttributeValue> raw = table.rawItem("KEYRING#eu");
    assertThat(raw.get("version").n()).isEqualTo("1");
    assertThat(raw).doesNotContainKey("expiresAt");
    assertThat(table.itemCount()).isEqualTo(1);
  }
}
