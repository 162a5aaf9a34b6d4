package app.stride.infra.aws;

import app.stride.infra.capability.Capability;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocument;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatementCondition;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatementPrincipals;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3Bucket;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfiguration;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRule;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleAbortIncompleteMultipartUpload;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleFilter;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleNoncurrentVersionExpiration;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleTransition;
import com.hashicorp.cdktf.providers.aws.s3_bucket_ownership_controls.S3BucketOwnershipControls;
import com.hashicorp.cdktf.providers.aws.s3_bucket_ownership_controls.S3BucketOwnershipControlsRule;
import com.hashicorp.cdktf.providers.aws.s3_bucket_policy.S3BucketPolicy;
import com.hashicorp.cdktf.providers.aws.s3_bucket_public_access_block.S3BucketPublicAccessBlock;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationRuleA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_versioning.S3BucketVersioningA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_versioning.S3BucketVersioningVersioningConfiguration;
import java.util.List;
import java.util.Optional;
import software.constructs.Construct;

/**
 * A capability's object store in one AWS region ({@link Capability.ObjectBucket}): the bucket
 * {@code stride-<stem>-<regionId>-<account id>} (bucket names are global, so the account makes it
 * unique), all public access blocked, ACLs disabled, versioned, SSE-KMS with its own rotating key
 * ({@code alias/stride-<stem>-objects-<regionId>}) and an S3 bucket key, a policy refusing every
 * request without TLS, and a lifecycle: the archive prefix to Standard-IA after {@value
 * #INFREQUENT_ACCESS_DAYS} days and Glacier Instant Retrieval after {@value #GLACIER_IR_DAYS},
 * noncurrent versions gone after {@value #NONCURRENT_DAYS} days, incomplete multipart uploads
 * aborted after one day. Only the capability's roles may use the key ({@link #limitKeyUseTo}), and
 * only through S3.
 */
public final class CapabilityBucket extends Construct {

  /**
   * What the capability's functions may do with objects. {@code s3:PutObject} also lets the HTTP
   * function presign uploads (under {@code originals/}): a presigned URL carries the signer's
   * rights, so the client's PUT is this role's.
   */
  public static final List<String> OBJECT_ACTIONS =
      List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject");

  /**
   * What they may do with the bucket itself: list keys only, so that a missing object answers 404
   * (an upload not made yet), not 403; no bucket settings.
   */
  public static final List<String> BUCKET_ACTIONS = List.of("s3:ListBucket");

  /** Days after which archived objects move to Standard-IA. */
  public static final int INFREQUENT_ACCESS_DAYS = 30;

  /** Days after which archived objects move to Glacier Instant Retrieval. */
  public static final int GLACIER_IR_DAYS = 180;

  /** Days a replaced or deleted object's old version is kept. */
  public static final int NONCURRENT_DAYS = 30;

  private final S3Bucket bucket;
  private final RegionKey key;
  private final String location;

  /** Creates the bucket of {@code spec} in {@code region} with its key and settings. */
  public CapabilityBucket(
      Construct scope, String id, RegionConfig region, Capability.ObjectBucket spec) {
    super(scope, id);
    location = region.location();
    key =
        new RegionKey(
            this,
            "key",
            "alias/stride-" + spec.stem() + "-objects-" + region.id(),
            "Stride " + region.id() + ": " + spec.stem() + " objects");
    DataAwsCallerIdentity account = DataAwsCallerIdentity.Builder.create(this, "account").build();
    bucket =
        S3Bucket.Builder.create(this, "bucket")
            .bucket(bucketName(region, spec) + "-" + account.getAccountId())
            .build();
    S3BucketPublicAccessBlock.Builder.create(this, "public_access_block")
        .bucket(bucket.getId())
        .blockPublicAcls(true)
        .blockPublicPolicy(true)
        .ignorePublicAcls(true)
        .restrictPublicBuckets(true)
        .build();
    S3BucketOwnershipControls.Builder.create(this, "ownership")
        .bucket(bucket.getId())
        .rule(
            S3BucketOwnershipControlsRule.builder().objectOwnership("BucketOwnerEnforced").build())
        .build();
    S3BucketServerSideEncryptionConfigurationA.Builder.create(this, "encryption")
        .bucket(bucket.getId())
        .rule(
            List.of(
                S3BucketServerSideEncryptionConfigurationRuleA.builder()
                    .applyServerSideEncryptionByDefault(
                        S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultA
                            .builder()
                            .sseAlgorithm("aws:kms")
                            .kmsMasterKeyId(key.arn())
                            .build())
                    .bucketKeyEnabled(true)
                    .build()))
        .build();
    S3BucketVersioningA versioning =
        S3BucketVersioningA.Builder.create(this, "versioning")
            .bucket(bucket.getId())
            .versioningConfiguration(
                S3BucketVersioningVersioningConfiguration.builder().status("Enabled").build())
            .build();
    S3BucketLifecycleConfiguration.Builder.create(this, "lifecycle")
        .bucket(bucket.getId())
        .rule(lifecycle(spec.archivePrefix()))
        .dependsOn(List.of(versioning))
        .build();
    DataAwsIamPolicyDocument tlsOnly =
        DataAwsIamPolicyDocument.Builder.create(this, "tls_only")
            .statement(
                List.of(
                    DataAwsIamPolicyDocumentStatement.builder()
                        .sid("DenyWithoutTls")
                        .effect("Deny")
                        .principals(
                            List.of(
                                DataAwsIamPolicyDocumentStatementPrincipals.builder()
                                    .type("*")
                                    .identifiers(List.of("*"))
                                    .build()))
                        .actions(List.of("s3:*"))
                        .resources(List.of(bucket.getArn(), objectsArn()))
                        .condition(
                            List.of(
                                DataAwsIamPolicyDocumentStatementCondition.builder()
                                    .test("Bool")
                                    .variable("aws:SecureTransport")
                                    .values(List.of("false"))
                                    .build()))
                        .build()))
            .build();
    S3BucketPolicy.Builder.create(this, "policy")
        .bucket(bucket.getId())
        .policy(tlsOnly.getJson())
        .build();
  }

  /** {@code stride-<stem>-<regionId>}: the bucket's name before the account id. */
  public static String bucketName(RegionConfig region, Capability.ObjectBucket spec) {
    return "stride-" + spec.stem() + "-" + region.id();
  }

  private static List<S3BucketLifecycleConfigurationRule> lifecycle(String archivePrefix) {
    S3BucketLifecycleConfigurationRuleFilter everything =
        S3BucketLifecycleConfigurationRuleFilter.builder().prefix("").build();
    return List.of(
        S3BucketLifecycleConfigurationRule.builder()
            .id("archive-" + archivePrefix.replace("/", ""))
            .status("Enabled")
            .filter(
                S3BucketLifecycleConfigurationRuleFilter.builder().prefix(archivePrefix).build())
            .transition(
                List.of(
                    S3BucketLifecycleConfigurationRuleTransition.builder()
                        .days(INFREQUENT_ACCESS_DAYS)
                        .storageClass("STANDARD_IA")
                        .build(),
                    S3BucketLifecycleConfigurationRuleTransition.builder()
                        .days(GLACIER_IR_DAYS)
                        .storageClass("GLACIER_IR")
                        .build()))
            .build(),
        S3BucketLifecycleConfigurationRule.builder()
            .id("expire-noncurrent-versions")
            .status("Enabled")
            .filter(everything)
            .noncurrentVersionExpiration(
                S3BucketLifecycleConfigurationRuleNoncurrentVersionExpiration.builder()
                    .noncurrentDays(NONCURRENT_DAYS)
                    .build())
            .build(),
        S3BucketLifecycleConfigurationRule.builder()
            .id("abort-incomplete-multipart-uploads")
            .status("Enabled")
            .filter(everything)
            .abortIncompleteMultipartUpload(
                S3BucketLifecycleConfigurationRuleAbortIncompleteMultipartUpload.builder()
                    .daysAfterInitiation(1)
                    .build())
            .build());
  }

  /** Only {@code roleArns} may use the bucket's key, and only through S3 in the region. */
  public void limitKeyUseTo(List<String> roleArns) {
    key.limitUseTo(roleArns, Optional.of("s3." + location + ".amazonaws.com"));
  }

  /** The bucket's name, handed to the functions. */
  public String name() {
    return bucket.getBucket();
  }

  /** The bucket's ARN. */
  public String arn() {
    return bucket.getArn();
  }

  /** The ARN of every object of the bucket. */
  public String objectsArn() {
    return bucket.getArn() + "/*";
  }

  /** The bucket key's ARN, handed to the functions as the SSE-KMS key id. */
  public String keyArn() {
    return key.arn();
  }
}
