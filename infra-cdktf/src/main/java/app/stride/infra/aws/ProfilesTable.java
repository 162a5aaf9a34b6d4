package app.stride.infra.aws;

import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTable;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTableAttribute;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTablePointInTimeRecovery;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTableServerSideEncryption;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTableTtl;
import java.util.List;
import software.constructs.Construct;

/**
 * The region's profile store: single-table design keyed by {@code pk}/{@code sk}. Expiry is
 * declared here ({@code expiresAt}); code never calls the TTL API.
 */
public final class ProfilesTable extends Construct {

  /** Attribute DynamoDB deletes items by once its epoch-seconds value has passed. */
  public static final String TTL_ATTRIBUTE = "expiresAt";

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
                    DynamodbTableAttribute.builder().name("pk").type("S").build(),
                    DynamodbTableAttribute.builder().name("sk").type("S").build()))
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

  /** The table's name. */
  public String name() {
    return table.getName();
  }

  /** The table's ARN. */
  public String arn() {
    return table.getArn();
  }
}
