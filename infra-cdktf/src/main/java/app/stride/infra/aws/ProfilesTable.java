package app.stride.infra.aws;

import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTable;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTableAttribute;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTableGlobalSecondaryIndex;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTablePointInTimeRecovery;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTableServerSideEncryption;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTableTtl;
import java.util.List;
import software.constructs.Construct;

/**
 * The region's profile store: single-table design keyed by {@code pk}/{@code sk}, with the sparse
 * {@value #OUTBOX_INDEX} index the outbox relay reads. Names mirror {@code ProfileItem} in {@code
 * functions/profiles/aws}. Expiry is declared here ({@code expiresAt}); code never calls the TTL
 * API.
 */
public final class ProfilesTable extends Construct {

  /** Attribute DynamoDB deletes items by once its epoch-seconds value has passed. */
  public static final String TTL_ATTRIBUTE = "expiresAt";

  /** Sparse index of items with pending events ({@code ProfileItem.OUTBOX_INDEX}). */
  public static final String OUTBOX_INDEX = "outbox";

  /** The index's hash key: {@code outbox#0..3}, a string. */
  public static final String OUTBOX_SHARD = "outboxShard";

  /** The index's range key: epoch millis of the oldest pending event, a number. */
  public static final String OUTBOX_SINCE = "outboxSince";

  private final DynamodbTable table;

  /** Creates {@code stride-profiles-<regionId>}, encrypted with the region's key. */
  public ProfilesTable(Construct scope, String id, RegionConfig region, RegionKey key) {
    super(scope, id);
    table =
        DynamodbTable.Builder.create(this, "table")
            .name(region.profilesTableName())
            .billingMode("PAY_PER_REQUEST")
            .hashKey("pk")
            .rangeKey("sk")
            .attribute(
                List.of(
                    attribute("pk", "S"),
                    attribute("sk", "S"),
                    attribute(OUTBOX_SHARD, "S"),
                    attribute(OUTBOX_SINCE, "N")))
            // The relay reads the pending events from the index items themselves: project ALL.
            .globalSecondaryIndex(
                List.of(
                    DynamodbTableGlobalSecondaryIndex.builder()
                        .name(OUTBOX_INDEX)
                        .hashKey(OUTBOX_SHARD)
                        .rangeKey(OUTBOX_SINCE)
                        .projectionType("ALL")
                        .build()))
            .pointInTimeRecovery(DynamodbTablePointInTimeRecovery.builder().enabled(true).build())
            .serverSideEncryption(
                DynamodbTableServerSideEncryption.builder()
                    .enabled(true)
                    .kmsKeyArn(key.arn())
                    .build())
            .ttl(DynamodbTableTtl.builder().attributeName(TTL_ATTRIBUTE).enabled(true).build())
            .deletionProtectionEnabled(true)
            .build();
  }

  private static DynamodbTableAttribute attribute(String name, String type) {
    return DynamodbTableAttribute.builder().name(name).type(type).build();
  }

  /** The table's name. */
  public String name() {
    return table.getName();
  }

  /** The table's ARN. */
  public String arn() {
    return table.getArn();
  }

  /** The ARN of the {@value #OUTBOX_INDEX} index. */
  public String outboxIndexArn() {
    return arn() + "/index/" + OUTBOX_INDEX;
  }
}
