package app.stride.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.store.Page;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.UniqueNames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class CursorPagerIT {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();

  private static final CursorPager PAGER =
      new CursorPager(new CursorCodec("k".repeat(32).getBytes(StandardCharsets.UTF_8)));
  private static DynamoDbTable<NoteItem> table;

  @BeforeAll
  static void seed() {
    DynamoDbClient client =
        DynamoDbClients.client(
            new DynamoDbSettings(
                Region.of(DynaliteExtension.REGION), Optional.of(DYNAMO.endpoint())));
    table =
        DynamoDbClients.enhanced(client)
            .table(UniqueNames.uniqueName("notes"), TableSchema.fromBean(NoteItem.class));
    LocalTables.createIfMissing(table, client);
    ConditionalWrites<NoteItem> writes = new ConditionalWrites<>(table);
    for (int i = 0; i < 25; i++) {
      NoteItem note = NoteItem.of("alice", String.format("%04d", i), "a" + i);
      note.setTag(i % 2 == 0 ? "even" : "odd");
      writes.putVersioned(note);
    }
    for (int i = 0; i < 3; i++) {
      writes.putVersioned(NoteItem.of("bob", String.format("%04d", i), "b" + i));
    }
  }

  @Test
  void query_walksAPartitionInPagesUntilTheCursorRunsOut() {
    List<String> seen = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    int pages = 0;
    do {
      Page<NoteItem> page = PAGER.query(table, partition("alice"), 10, cursor, true);
      page.items().forEach(n -> seen.add(n.getText()));
      cursor = page.nextCursor();
      pages++;
    } while (cursor.isPresent() && pages < 10);

    assertThat(seen).hasSize(25).startsWith("a0", "a1").endsWith("a24").doesNotHaveDuplicates();
    assertThat(pages).isBetween(3, 4);
  }

  @Test
  void query_readsBackwardsWhenAsked() {
    Page<NoteItem> page = PAGER.query(table, partition("alice"), 2, Optional.empty(), false);

    assertThat(page.items()).extracting(NoteItem::getText).containsExactly("a24", "a23");
  }

  @Test
  void query_refusesACursorReplayedOnAnotherUsersPartition() {
    String alicesCursor =
        PAGER
            .query(table, partition("alice"), 5, Optional.empty(), true)
            .nextCursor()
            .orElseThrow();

    assertThatThrownBy(
            () -> PAGER.query(table, partition("bob"), 5, Optional.of(alicesCursor), true))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.problem().type()).isEqualTo(ProblemType.VALIDATION_FAILED.uri()));
  }

  @Test
  void query_refusesATamperedCursor() {
    String cursor =
        PAGER
            .query(table, partition("alice"), 5, Optional.empty(), true)
            .nextCursor()
            .orElseThrow();
    String tampered = (cursor.charAt(0) == 'A' ? "B" : "A") + cursor.substring(1);

    assertThatThrownBy(() -> PAGER.query(table, partition("alice"), 5, Optional.of(tampered), true))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void query_pagesASecondaryIndexToo() {
    List<String> seen = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      Page<NoteItem> page =
          PAGER.query(
              table.index(NoteItem.BY_TAG),
              Key.builder().partitionValue("even").build(),
              4,
              cursor,
              true);
      page.items().forEach(n -> seen.add(n.getText()));
      cursor = page.nextCursor();
    } while (cursor.isPresent());

    assertThat(seen).hasSize(13).allMatch(t -> Integer.parseInt(t.substring(1)) % 2 == 0);
  }

  @Test
  void query_refusesPageSizesOutsideTheLimits() {
    assertThatThrownBy(() -> PAGER.query(table, partition("alice"), 0, Optional.empty(), true))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> PAGER.query(table, partition("alice"), 101, Optional.empty(), true))
        .isInstanceOf(ProblemException.class);
  }

  private static Key partition(String user) {
    return Key.builder().partitionValue("USER#" + user).build();
  }
}
