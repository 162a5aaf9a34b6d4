package app.stride.aws.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.aws.dynamodb.LocalTables;
import app.stride.core.directory.DirectoryKeys;
import app.stride.core.region.RegionId;
import app.stride.core.store.VersionConflictException;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.UniqueNames;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDirectoryIT {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();

  private static final DirectoryKeys KEYS =
      new DirectoryKeys("directory-secret-for-tests-0123456789".getBytes(StandardCharsets.UTF_8));
  private static DynamoDbClient client;
  private static DynamoDirectory directory;

  @BeforeAll
  static void createTable() {
    client =
        DynamoDbClients.client(
            new DynamoDbSettings(
                Region.of(DynaliteExtension.REGION), Optional.of(DYNAMO.endpoint())));
    directory =
        new DynamoDirectory(DynamoDbClients.enhanced(client), UniqueNames.uniqueName("directory"));
    LocalTables.createIfMissing(directory.table(), client);
  }

  @Test
  void register_thenLookUpTheHomeRegion() {
    directory.register(KEYS.of("ana@example.com"), RegionId.of("eu"));

    assertThat(directory.homeRegion(KEYS.of("ANA@example.com"))).contains(RegionId.of("eu"));
    assertThat(directory.homeRegion(KEYS.of("nobody@example.com"))).isEmpty();
  }

  @Test
  void register_refusesATakenIdentifier_whateverTheRegion() {
    directory.register(KEYS.of("bob@example.com"), RegionId.of("us"));

    assertThatThrownBy(() -> directory.register(KEYS.of("bob@example.com"), RegionId.of("apac")))
        .isInstanceOf(VersionConflictException.class);
    assertThat(directory.homeRegion(KEYS.of("bob@example.com"))).contains(RegionId.of("us"));
  }

  @Test
  void storedItems_holdOnlyTheKeyedHashAndTheRegion() {
    directory.register(KEYS.of("chen@example.com"), RegionId.of("apac"));

    var items = client.scan(b -> b.tableName(directory.table().tableName())).items();

    assertThat(items).isNotEmpty();
    for (Map<String, AttributeValue> item : items) {
      assertThat(item.keySet()).containsExactlyInAnyOrder("pk", "homeRegion");
      assertThat(item.toString()).doesNotContain("@", "example", "chen");
    }
  }

  @Test
  void remove_deletesTheEntry_andIsIdempotent() {
    directory.register(KEYS.of("dora@example.com"), RegionId.of("eu"));

    directory.remove(KEYS.of("dora@example.com"));
    directory.remove(KEYS.of("dora@example.com"));

    assertThat(directory.homeRegion(KEYS.of("dora@example.com"))).isEmpty();
  }
}
