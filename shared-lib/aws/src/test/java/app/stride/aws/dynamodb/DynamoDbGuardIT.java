package app.stride.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.config.Env;
import app.stride.core.store.VersionConflictException;
import app.stride.edge.resilience.OutboundCalls;
import app.stride.edge.resilience.StoreResilience;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.UniqueNames;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A guarded client against a real DynamoDB server (dynalite) with a hair-trigger breaker (judging
 * from 4 calls): table creation, reads, versioned writes and a stream of lost conditions are all
 * the store answering, so the breaker stays closed and counts no failure.
 */
class DynamoDbGuardIT {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void normalOperations_andLostConditions_neverTripTheBreaker() {
    StoreResilience touchy =
        StoreResilience.fromEnv(
            new Env(
                Map.of(
                    "STRIDE_OUTBOUND_DYNAMODB_MIN_CALLS", "4",
                    "STRIDE_OUTBOUND_DYNAMODB_FAILURE_RATE", "25")),
            DynamoDbGuard.DEPENDENCY);
    DynamoDbClient client =
        DynamoDbClients.client(
            new DynamoDbSettings(
                Region.of(DynaliteExtension.REGION), Optional.of(DYNAMO.endpoint())),
            DynamoDbGuard.create(touchy, registry));
    DynamoDbTable<NoteItem> table =
        DynamoDbClients.enhanced(client)
            .table(UniqueNames.uniqueName("guarded"), TableSchema.fromBean(NoteItem.class));
    LocalTables.createIfMissing(table, client);
    ConditionalWrites<NoteItem> notes = new ConditionalWrites<>(table);

    notes.putVersioned(NoteItem.of("ana", "1", "first"));
    NoteItem stale = notes.get(key("ana", "1")).orElseThrow();
    NoteItem fresh = notes.get(key("ana", "1")).orElseThrow();
    fresh.setText("second");
    notes.putVersioned(fresh);
    for (int i = 0; i < 8; i++) {
      assertThatThrownBy(() -> notes.putVersioned(stale))
          .isInstanceOf(VersionConflictException.class);
      assertThatThrownBy(() -> notes.putIfAbsent(NoteItem.of("ana", "1", "again")))
          .isInstanceOf(VersionConflictException.class);
    }

    assertThat(notes.get(key("ana", "1")).orElseThrow().getText()).isEqualTo("second");
    assertThat(breakerState()).isZero();
    assertThat(calls("failure")).isZero();
    assertThat(calls("success")).isGreaterThanOrEqualTo(20);
  }

  private int breakerState() {
    return (int)
        registry
            .get(OutboundCalls.BREAKER_STATE_METER)
            .tag(OutboundCalls.DEPENDENCY_TAG, DynamoDbGuard.DEPENDENCY)
            .gauge()
            .value();
  }

  private long calls(String outcome) {
    return (long)
        registry
            .get(OutboundCalls.CALLS_METER)
            .tag(OutboundCalls.DEPENDENCY_TAG, DynamoDbGuard.DEPENDENCY)
            .tag("outcome", outcome)
            .counter()
            .count();
  }

  private static Key key(String user, String id) {
    return Key.builder().partitionValue("USER#" + user).sortValue("NOTE#" + id).build();
  }
}
