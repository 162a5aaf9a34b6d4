package app.stride.infra.gcp;

import app.stride.infra.capability.Capability;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.google.data_google_storage_project_service_account.DataGoogleStorageProjectServiceAccount;
import com.hashicorp.cdktf.providers.google.kms_crypto_key_iam_member.KmsCryptoKeyIamMember;
import com.hashicorp.cdktf.providers.google.project_iam_custom_role.ProjectIamCustomRole;
import com.hashicorp.cdktf.providers.google.storage_bucket.StorageBucket;
import com.hashicorp.cdktf.providers.google.storage_bucket.StorageBucketEncryption;
import com.hashicorp.cdktf.providers.google.storage_bucket.StorageBucketLifecycleRule;
import com.hashicorp.cdktf.providers.google.storage_bucket.StorageBucketLifecycleRuleAction;
import com.hashicorp.cdktf.providers.google.storage_bucket.StorageBucketLifecycleRuleCondition;
import com.hashicorp.cdktf.providers.google.storage_bucket.StorageBucketVersioning;
import com.hashicorp.cdktf.providers.google.storage_bucket_iam_member.StorageBucketIamMember;
import java.util.List;
import java.util.Locale;
import software.constructs.Construct;

/**
 * A capability's object store in one GCP region ({@link Capability.ObjectBucket}): the bucket
 * {@code <project>-stride-<stem>-<regionId>} in the region's location, uniform bucket-level access,
 * public access prevention enforced, versioned, with the key {@value #KEY} of the capability's ring
 * as its default (CMEK) key, which the project's Cloud Storage service agent may use (and nothing
 * else may, but the capability's accounts through their own grants); lifecycle: the archive prefix
 * to Nearline after {@value #NEARLINE_DAYS} days and Coldline after {@value #COLDLINE_DAYS},
 * noncurrent versions deleted after {@value #NONCURRENT_DAYS} days, incomplete multipart uploads
 * aborted after one day. Object access is bound on the bucket ({@link #grantObjects}).
 */
public final class CapabilityBucket extends Construct {

  /** The key of the capability's ring the bucket is encrypted with. */
  public static final String KEY = "objects";

  /** Reading, writing and deleting objects; no bucket settings, no IAM. */
  public static final String OBJECT_ROLE = "roles/storage.objectUser";

  /**
   * What a data eraser does to objects ({@code GcsObjectStore.deleteUnder}): list names under a
   * folder and delete them; it never reads, writes or restores an object.
   */
  public static final List<String> ERASER_PERMISSIONS =
      List.of("storage.objects.delete", "storage.objects.list");

  /** Days after which archived objects move to Nearline. */
  public static final int NEARLINE_DAYS = 30;

  /** Days after which archived objects move to Coldline. */
  public static final int COLDLINE_DAYS = 180;

  /** Days a replaced or deleted object's old version is kept. */
  public static final int NONCURRENT_DAYS = 30;

  private final StorageBucket bucket;

  /** Creates the bucket of {@code spec}, encrypted with {@code keys}' {@value #KEY} key. */
  public CapabilityBucket(
      Construct scope,
      String id,
      RegionConfig region,
      Capability.ObjectBucket spec,
      CapabilityKeyRing keys) {
    super(scope, id);
    DataGoogleStorageProjectServiceAccount agent =
        DataGoogleStorageProjectServiceAccount.Builder.create(this, "storage_agent")
            .project(region.gcpProject())
            .build();
    KmsCryptoKeyIamMember agentUsesKey =
        keys.grantUse(this, "agent_uses_key", KEY, agent.getMember());
    bucket =
        StorageBucket.Builder.create(this, "bucket")
            .project(region.gcpProject())
            .name(region.gcpProject() + "-stride-" + spec.stem() + "-" + region.id())
            .location(region.location().toUpperCase(Locale.ROOT))
            .storageClass("STANDARD")
            .uniformBucketLevelAccess(true)
            .publicAccessPrevention("enforced")
            .versioning(StorageBucketVersioning.builder().enabled(true).build())
            .encryption(
                StorageBucketEncryption.builder().defaultKmsKeyName(keys.keyId(KEY)).build())
            .lifecycleRule(lifecycle(spec.archivePrefix()))
            // The service agent must be able to use the key before the bucket names it.
            .dependsOn(List.of(agentUsesKey))
            .build();
  }

  private static List<StorageBucketLifecycleRule> lifecycle(String archivePrefix) {
    return List.of(
        rule(
            StorageBucketLifecycleRuleAction.builder()
                .type("SetStorageClass")
                .storageClass("NEARLINE")
                .build(),
            StorageBucketLifecycleRuleCondition.builder()
                .age(NEARLINE_DAYS)
                .matchesPrefix(List.of(archivePrefix))
                .matchesStorageClass(List.of("STANDARD"))
                .build()),
        rule(
            StorageBucketLifecycleRuleAction.builder()
                .type("SetStorageClass")
                .storageClass("COLDLINE")
                .build(),
            StorageBucketLifecycleRuleCondition.builder()
                .age(COLDLINE_DAYS)
                .matchesPrefix(List.of(archivePrefix))
                .matchesStorageClass(List.of("STANDARD", "NEARLINE"))
                .build()),
        rule(
            StorageBucketLifecycleRuleAction.builder().type("Delete").build(),
            StorageBucketLifecycleRuleCondition.builder()
                .daysSinceNoncurrentTime(NONCURRENT_DAYS)
                .withState("ARCHIVED")
                .build()),
        rule(
            StorageBucketLifecycleRuleAction.builder()
                .type("AbortIncompleteMultipartUpload")
                .build(),
            StorageBucketLifecycleRuleCondition.builder().age(1).build()));
  }

  private static StorageBucketLifecycleRule rule(
      StorageBucketLifecycleRuleAction action, StorageBucketLifecycleRuleCondition condition) {
    return StorageBucketLifecycleRule.builder().action(action).condition(condition).build();
  }

  /** Lets {@code member} read, write and delete objects of this bucket (construct {@code id}). */
  public StorageBucketIamMember grantObjects(Construct scope, String id, String member) {
    return StorageBucketIamMember.Builder.create(scope, id)
        .bucket(bucket.getName())
        .role(OBJECT_ROLE)
        .member(member)
        .build();
  }

  /**
   * Lets {@code member} list and delete this bucket's objects, nothing else ({@link
   * #ERASER_PERMISSIONS}): no predefined role is that narrow ({@value #OBJECT_ROLE} also reads and
   * writes), so a custom role of the project {@code roleId} (construct {@code <id>_role}) holds the
   * two permissions, bound on this bucket only (construct {@code id}). Cloud Storage does not ask
   * the caller for the bucket's key to delete an object, so the eraser needs no key grant.
   */
  public StorageBucketIamMember grantObjectErasure(
      Construct scope, String id, RegionConfig region, String roleId, String member) {
    ProjectIamCustomRole role =
        ProjectIamCustomRole.Builder.create(scope, id + "_role")
            .project(region.gcpProject())
            .roleId(roleId)
            .title("Stride object eraser (" + roleId + ")")
            .description("List and delete objects; bound on one bucket of " + region.id())
            .permissions(ERASER_PERMISSIONS)
            .build();
    return StorageBucketIamMember.Builder.create(scope, id)
        .bucket(bucket.getName())
        .role(role.getName())
        .member(member)
        .build();
  }

  /** The bucket's name, handed to the functions. */
  public String name() {
    return bucket.getName();
  }
}
