package app.stride.aws.dynamodb;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.store.StoreUnavailableException;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link PartitionEraser} when DynamoDB leaves deletes unprocessed (throttling), which dynalite
 * never does: a WireMock stand-in speaks DynamoDB's JSON protocol (Query, BatchWriteItem) to the
 * client the function builds. The erasure itself against dynalite is in devices' {@code
 * DynamoActivityStoreIT} and {@code DynamoImportJobStoreIT} and workouts' {@code
 * DynamoWorkoutStoreIT}.
 */
class PartitionEraserIT {
  private static final String TABLE = "stride-devices-eu";
  private static final String TWO_ACTIVITIES =
      "{\"Count\":2,\"ScannedCount\":2,\"Items\":["
          + "{\"userId\":{\"S\":\"usr_1\"},\"sk\":{\"S\":\"ACTIVITY#a_1\"}},"
          + "{\"userId\":{\"S\":\"usr_1\"},\"sk\":{\"S\":\"ACTIVITY#a_2\"}}]}";
  private static final String A_2_UNPROCESSED =
      "{\"UnprocessedItems\":{\""
          + TABLE
          + "\":[{\"DeleteRequest\":{\"Key\":"
          + "{\"userId\":{\"S\":\"usr_1\"},\"sk\":{\"S\":\"ACTIVITY#a_2\"}}}}]}}";

  private WireMockServer dynamo;
  private DynamoDbClient client;
  private PartitionEraser eraser;
  private DynamoDbTable<UserItem> table;

  @BeforeEach
  void start() {
    dynamo = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    dynamo.start();
    client =
        DynamoDbClients.client(
            new DynamoDbSettings(Region.EU_WEST_1, Optional.of(URI.create(dynamo.baseUrl()))));
    DynamoDbEnhancedClient enhanced = DynamoDbClients.enhanced(client);
    table = enhanced.table(TABLE, TableSchema.fromBean(UserItem.class));
    eraser = new PartitionEraser(enhanced);
    dynamo.stubFor(call("Query").willReturn(json(TWO_ACTIVITIES)));
  }

  @AfterEach
  void stop() {
    client.close();
    dynamo.stop();
  }

  @Test
  void keysLeftUnprocessed_areSentAgain_untilDeleted() {
    dynamo.stubFor(
        call("BatchWriteItem")
            .inScenario("throttled once")
            .whenScenarioStateIs(STARTED)
            .willReturn(json(A_2_UNPROCESSED))
            .willSetStateTo("resent"));
    dynamo.stubFor(
        call("BatchWriteItem")
            .inScenario("throttled once")
            .whenScenarioStateIs("resent")
            .willReturn(json("{\"UnprocessedItems\":{}}")));

    int erased = eraser.erase(table, "usr_1", "ACTIVITY#");

    assertThat(erased).isEqualTo(2);
    List<LoggedRequest> batches = dynamo.findAll(requested("BatchWriteItem"));
    assertThat(batches).hasSize(2);
    assertThat(batches.get(0).getBodyAsString()).contains("ACTIVITY#a_1", "ACTIVITY#a_2");
    assertThat(batches.get(1).getBodyAsString())
        .contains("ACTIVITY#a_2")
        .doesNotContain("ACTIVITY#a_1");
    assertThat(dynamo.findAll(requested("Query")).get(0).getBodyAsString())
        .contains("\"ConsistentRead\":true", "begins_with", "ACTIVITY#", "usr_1");
  }

  @Test
  void keysStillUnprocessedAfterTheLastAttempt_failTheErasure_asStoreUnavailable() {
    dynamo.stubFor(call("BatchWriteItem").willReturn(json(A_2_UNPROCESSED)));

    assertThatThrownBy(() -> eraser.erase(table, "usr_1", "ACTIVITY#"))
        .isInstanceOf(StoreUnavailableException.class)
        .cause()
        .hasMessageContaining("1 deletes still unprocessed after " + PartitionEraser.ATTEMPTS);
    assertThat(dynamo.findAll(requested("BatchWriteItem"))).hasSize(PartitionEraser.ATTEMPTS);
  }

  @Test
  void theWholePartition_isQueriedByItsKeyAlone() {
    dynamo.stubFor(call("BatchWriteItem").willReturn(json("{\"UnprocessedItems\":{}}")));

    assertThat(eraser.erase(table, "usr_1")).isEqualTo(2);
    String query = dynamo.findAll(requested("Query")).get(0).getBodyAsString();
    assertThat(query).contains("\"ConsistentRead\":true", "usr_1").doesNotContain("begins_with");
  }

  private static com.github.tomakehurst.wiremock.client.MappingBuilder call(String operation) {
    return post(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("DynamoDB_20120810." + operation));
  }

  private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder requested(
      String operation) {
    return postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", containing(operation));
  }

  private static ResponseDefinitionBuilder json(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/x-amz-json-1.0")
        .withBody(body);
  }
}
