package app.stride.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.store.StoreUnavailableException;
import app.stride.core.store.VersionConflictException;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.UniqueNames;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class ConditionalWritesIT {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();

  private static ConditionalWrites<NoteItem> notes;

  @BeforeAll
  static void createTable() {
    DynamoDbClient client =
        DynamoDbClients.client(
            new DynamoDbSettings(
                Region.of(DynaliteExtension.REGION), Optional.of(DYNAMO.endpoint())));
    DynamoDbEnhancedClient enhanced = DynamoDbClients.enhanced(client);
    DynamoDbTable<NoteItem> table =
        enhanced.table(UniqueNames.uniqueName("notes"), TableSchema.fromBean(NoteItem.class));
    LocalTables.createIfMissing(table, client);
    LocalTables.createIfMissing(table, client); // idempotent
    notes = new ConditionalWrites<>(table);
  }

  @Test
  void putVersioned_createsVersionOneThenAdvancesFromTheVersionRead() {
    NoteItem note = NoteItem.of("alice", "v1", "first");

    notes.putVersioned(note);
    NoteItem stored = notes.get(key("alice", "v1")).orElseThrow();
    stored.setText("second");
    notes.putVersioned(stored);

    NoteItem reread = notes.get(key("alice", "v1")).orElseThrow();
    assertThat(reread.getVersion()).isEqualTo(2L);
    assertThat(reread.getText()).isEqualTo("second");
  }

  @Test
  void putVersioned_refusesAStaleVersionAndKeepsTheStoredItem() {
    notes.putVersioned(NoteItem.of("alice", "stale", "original"));
    NoteItem first = notes.get(key("alice", "stale")).orElseThrow();
    NoteItem second = notes.get(key("alice", "stale")).orElseThrow();
    first.setText("winner");
    notes.putVersioned(first);

    second.setText("loser");
    assertThatThrownBy(() -> notes.putVersioned(second))
        .isInstanceOf(VersionConflictException.class);

    assertThat(notes.get(key("alice", "stale")).orElseThrow().getText()).isEqualTo("winner");
  }

  @Test
  void putVersioned_ofANewItemLosesWhenOneAlreadyExists() {
    notes.putVersioned(NoteItem.of("alice", "dup", "first"));

    assertThatThrownBy(() -> notes.putVersioned(NoteItem.of("alice", "dup", "second")))
        .isInstanceOf(VersionConflictException.class);
    assertThat(notes.get(key("alice", "dup")).orElseThrow().getText()).isEqualTo("first");
  }

  @Test
  void putIfAbsent_writesOnce() {
    notes.putIfAbsent(NoteItem.of("alice", "entry", "once"));

    assertThatThrownBy(() -> notes.putIfAbsent(NoteItem.of("alice", "entry", "twice")))
        .isInstanceOf(VersionConflictException.class);
  }

  @Test
  void deleteIf_deletesOnlyAtTheExpectedVersion() {
    notes.putVersioned(NoteItem.of("alice", "gone", "x"));

    assertThatThrownBy(
            () ->
                notes.deleteIf(
                    key("alice", "gone"), ConditionalWrites.attributeEquals("version", 7)))
        .isInstanceOf(VersionConflictException.class);
    assertThat(notes.get(key("alice", "gone"))).isPresent();

    notes.deleteIf(key("alice", "gone"), ConditionalWrites.attributeEquals("version", 1));
    assertThat(notes.get(key("alice", "gone"))).isEmpty();
  }

  @Test
  void unreachableStore_isUnavailable() {
    DynamoDbClient dead =
        DynamoDbClients.client(
            new DynamoDbSettings(
                Region.of(DynaliteExtension.REGION),
                Optional.of(URI.create("http://127.0.0.1:9"))));
    ConditionalWrites<NoteItem> offline =
        new ConditionalWrites<>(
            DynamoDbClients.enhanced(dead)
                .table(notes.table().tableName(), TableSchema.fromBean(NoteItem.class)));

    assertThatThrownBy(() -> offline.get(key("alice", "v1")))
        .isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> offline.putVersioned(NoteItem.of("alice", "z", "z")))
        .isInstanceOf(StoreUnavailableException.class);
  }

  private static Key key(String user, String id) {
    return Key.builder().partitionValue("USER#" + user).sortValue("NOTE#" + id).build();
  }
}
