package app.stride.infra.global;

import app.stride.infra.ArtifactLocator;
import app.stride.infra.FunctionLimits;
import app.stride.infra.config.EnvConfig;
import app.stride.infra.config.GlobalConfig;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTable;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTableAttribute;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTablePointInTimeRecovery;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTableServerSideEncryption;
import com.hashicorp.cdktf.providers.aws.kms_alias.KmsAlias;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKey;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderDefaultTags;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The global stack: the directory that maps a keyed hash of a login id to a home region, and the
 * HTTP service every region calls to reach it (a Lambda behind a function URL, HMAC-signed
 * requests). It holds no personal data: an item is exactly {@value #HASH_KEY} (an HMAC of the
 * normalized login id, never the id itself) and {@value #HOME_REGION}.
 */
public final class GlobalStack extends TerraformStack {

  /** The stack's name. */
  public static final String NAME = "global";

  /** Partition key: keyed hash of the login identifier. */
  public static final String HASH_KEY = "pk";

  /** The only other attribute of a directory item: the user's home region id. */
  public static final String HOME_REGION = "homeRegion";

  /** Every attribute a directory item may carry; published as a tag on the table. */
  public static final List<String> ITEM_ATTRIBUTES = List.of(HASH_KEY, HOME_REGION);

  /**
   * Builds the directory table, encrypted with its own key, its signing secret and its service, in
   * the configured AWS region.
   */
  public GlobalStack(Construct scope, EnvConfig env, ArtifactLocator artifacts) {
    super(scope, NAME);
    GlobalConfig global = env.global();
    AwsProvider.Builder.create(this, "aws")
        .region(global.awsRegion())
        .defaultTags(
            List.of(
                AwsProviderDefaultTags.builder()
                    .tags(Map.of("stride:env", env.name(), "stride:stack", NAME))
                    .build()))
        .build();
    KmsKey key =
        KmsKey.Builder.create(this, "directory_key")
            .description("Stride directory at rest")
            .enableKeyRotation(true)
            .deletionWindowInDays(30)
            .build();
    KmsAlias.Builder.create(this, "directory_key_alias")
        .name("alias/" + global.directoryTableName())
        .targetKeyId(key.getKeyId())
        .build();
    DynamodbTable table =
        DynamodbTable.Builder.create(this, "directory")
            .name(global.directoryTableName())
            .billingMode("PAY_PER_REQUEST")
            .hashKey(HASH_KEY)
            .attribute(List.of(DynamodbTableAttribute.builder().name(HASH_KEY).type("S").build()))
            .pointInTimeRecovery(DynamodbTablePointInTimeRecovery.builder().enabled(true).build())
            .serverSideEncryption(
                DynamodbTableServerSideEncryption.builder()
                    .enabled(true)
                    .kmsKeyArn(key.getArn())
                    .build())
            .deletionProtectionEnabled(true)
            .tags(Map.of("stride:item-attributes", String.join(",", ITEM_ATTRIBUTES)))
            .build();
    DirectoryApiSecret secret =
        new DirectoryApiSecret(
            this, "directory_signing_secret", global.directoryApiSecretName(), key.getArn());
    DirectoryService service =
        new DirectoryService(
            this,
            "directory_service",
            global,
            env.observability(),
            artifacts.locate(env.artifacts().awsDirectoryJar()),
            table,
            key,
            secret,
            FunctionLimits.forGlobal(env).get(global.directoryFunctionName()));
    TerraformOutput.Builder.create(this, "directory_url")
        .value(service.url())
        .description("Base URL of the directory API: STRIDE_DIRECTORY_URL of every region")
        .build();
    TerraformOutput.Builder.create(this, "directory_api_secret")
        .value(secret.name())
        .description("Secret to fill once with base64 of 32 random bytes (put-secret-value)")
        .build();
  }
}
