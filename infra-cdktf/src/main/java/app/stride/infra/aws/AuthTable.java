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
 * The region's auth store: accounts, login claims, sessions, refresh and one-time token hashes,
 * deletion tombstones and the signing key ring, one item per {@value #HASH_KEY} (no sort key, no
 * index; see {@code AuthTableConfig} and the item table in {@code functions/auth/aws}). Sessions
 * and tokens expire by {@value #TTL_ATTRIBUTE}, declared here; code never calls the TTL API.
 */
public final class AuthTable extends Construct {

  /** The only key: {@code ACCOUNT#..}, {@code EMAIL#..}, {@code SESSION#..}, ... (a string). */
  public static final String HASH_KEY = "pk";

  /** Attribute DynamoDB deletes items by once its epoch-seconds value has passed. */
  public static final String TTL_ATTRIBUTE = "expiresAt";

  private final DynamodbTable table;

  /** Creates {@code stride-auth-<regionId>}, encrypted with the region's key. */
  public AuthTable(Construct scope, String id, RegionConfig region, RegionKey key) {
    super(scope, id);
    table =
        DynamodbTable.Builder.create(this, "table")
            .name(region.authTableName())
            .billingMode("PAY_PER_REQUEST")
            .hashKey(HASH_KEY)
            .attribute(List.of(DynamodbTableAttribute.builder().name(HASH_KEY).type("S").build()))
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
