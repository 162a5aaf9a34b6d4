package app.stride.infra.aws;

import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.kms_alias.KmsAlias;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKey;
import software.constructs.Construct;

/** The customer-managed KMS key that encrypts one region's table and queues. */
public final class RegionKey extends Construct {

  private final KmsKey key;

  /** Creates the key and its alias {@code alias/stride-<regionId>}. */
  public RegionKey(Construct scope, String id, RegionConfig region) {
    super(scope, id);
    key =
        KmsKey.Builder.create(this, "key")
            .description("Stride " + region.id() + ": personal data at rest")
            .enableKeyRotation(true)
            .deletionWindowInDays(30)
            .build();
    KmsAlias.Builder.create(this, "alias")
        .name("alias/stride-" + region.id())
        .targetKeyId(key.getKeyId())
        .build();
  }

  /** The key's ARN. */
  public String arn() {
    return key.getArn();
  }
}
