package app.stride.infra.aws;

import app.stride.infra.capability.TableSchema;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTable;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTableAttribute;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTableGlobalSecondaryIndex;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTableLocalSecondaryIndex;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTablePointInTimeRecovery;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTableServerSideEncryption;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTableTtl;
import java.util.List;
import software.constructs.Construct;

/**
 * A capability's store in one region: the table {@code stride-<capability>-<regionId>} with the key
 * schema of its {@code ...Item} ({@link TableSchema}), on demand, with point-in-time recovery,
 * encryption with the region's key and deletion protection. Every index projects all attributes
 * (the outbox relay reads pending events from the index items themselves). Expiry, when the schema
 * names a TTL attribute, is declared here; code never calls the TTL API.
 */
public final class CapabilityTable extends Construct {

  private final DynamodbTable table;

  /** Creates {@code stride-<capability>-<regionId>}, encrypted with the region's key. */
  public CapabilityTable(
      Construct scope,
      String id,
      RegionConfig region,
      RegionKey key,
      String capability,
      TableSchema schema) {
    super(scope, id);
    DynamodbTable.Builder builder =
        DynamodbTable.Builder.create(this, "table")
            .name(region.tableName(capability))
            .billingMode("PAY_PER_REQUEST")
            .hashKey(schema.partitionKey().name())
            .attribute(
                schema.attributes().stream()
                    .map(
                        k -> DynamodbTableAttribute.builder().name(k.name()).type(k.type()).build())
                    .toList())
            .pointInTimeRecovery(DynamodbTablePointInTimeRecovery.builder().enabled(true).build())
            .serverSideEncryption(
                DynamodbTableServerSideEncryption.builder()
                    .enabled(true)
                    .kmsKeyArn(key.arn())
                    .build())
            .deletionProtectionEnabled(true);
    schema.sortKey().ifPresent(k -> builder.rangeKey(k.name()));
    if (!schema.globalIndexes().isEmpty()) {
      builder.globalSecondaryIndex(schema.globalIndexes().stream().map(this::global).toList());
    }
    if (!schema.localIndexes().isEmpty()) {
      builder.localSecondaryIndex(schema.localIndexes().stream().map(this::local).toList());
    }
    schema
        .ttlAttribute()
        .ifPresent(
            a -> builder.ttl(DynamodbTableTtl.builder().attributeName(a).enabled(true).build()));
    table = builder.build();
  }

  private DynamodbTableGlobalSecondaryIndex global(TableSchema.Index index) {
    DynamodbTableGlobalSecondaryIndex.Builder gsi =
        DynamodbTableGlobalSecondaryIndex.builder()
            .name(index.name())
            .hashKey(index.partitionKey().name())
            .projectionType("ALL");
    index.sortKey().ifPresent(k -> gsi.rangeKey(k.name()));
    return gsi.build();
  }

  private DynamodbTableLocalSecondaryIndex local(TableSchema.Index index) {
    return DynamodbTableLocalSecondaryIndex.builder()
        .name(index.name())
        .rangeKey(index.sortKey().orElseThrow().name())
        .projectionType("ALL")
        .build();
  }

  /** The table's name. */
  public String name() {
    return table.getName();
  }

  /** The table's ARN. */
  public String arn() {
    return table.getArn();
  }

  /** The ARN of the index {@code index}. */
  public String indexArn(String index) {
    return arn() + "/index/" + index;
  }

  /** The ARNs a grant on the table and all its indexes names. */
  public List<String> tableAndIndexArns() {
    return List.of(arn(), arn() + "/index/*");
  }
}
