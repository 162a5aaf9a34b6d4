package app.stride.infra.gcp;

import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.google.project_iam_member.ProjectIamMember;
import com.hashicorp.cdktf.providers.google.project_iam_member.ProjectIamMemberCondition;
import com.hashicorp.cdktf.providers.google.pubsub_topic_iam_member.PubsubTopicIamMember;
import com.hashicorp.cdktf.providers.google.service_account.ServiceAccount;
import com.hashicorp.cdktf.providers.google.service_account_iam_member.ServiceAccountIamMember;
import java.util.Optional;
import software.constructs.Construct;

/**
 * A capability function's own service account {@code stride-<capability>-<regionId>} and its only
 * grants: Firestore access on the region's database (a project-level role narrowed by an IAM
 * condition on the database name, since Firestore has no database-level IAM policy), writing
 * metrics, and, for a capability that emits events, publishing on its topic (a topic-level
 * binding). A data eraser's account ({@link #firestoreOnly}) starts with Firestore alone.
 */
public final class CapabilityIdentity extends Construct {

  /** Signing with an account's own key (IAM Credentials {@code signBlob}). */
  public static final String SELF_SIGNING_ROLE = "roles/iam.serviceAccountTokenCreator";

  /** Read/write access to Firestore documents. */
  public static final String DATASTORE_ROLE = "roles/datastore.user";

  private final ServiceAccount account;

  /** Creates the service account of {@code capability} and its bindings. */
  public CapabilityIdentity(
      Construct scope,
      String id,
      RegionConfig region,
      String capability,
      FirestoreStore store,
      Optional<EventsTopic> events) {
    this(
        scope,
        id,
        region,
        region.functionName(capability),
        "Stride " + capability + " function (" + region.id() + ")",
        store,
        events);
  }

  /**
   * Creates the service account {@code accountId} of another function of a capability (its worker)
   * with the same bindings.
   */
  public CapabilityIdentity(
      Construct scope,
      String id,
      RegionConfig region,
      String accountId,
      String displayName,
      FirestoreStore store,
      Optional<EventsTopic> events) {
    this(scope, id, region, accountId, displayName, store, events, true);
  }

  private CapabilityIdentity(
      Construct scope,
      String id,
      RegionConfig region,
      String accountId,
      String displayName,
      FirestoreStore store,
      Optional<EventsTopic> events,
      boolean writesMetrics) {
    super(scope, id);
    account =
        ServiceAccount.Builder.create(this, "account")
            .project(region.gcpProject())
            .accountId(accountId)
            .displayName(displayName)
            .build();
    grantFirestore(this, region, store, account.getMember());
    if (writesMetrics) {
      CloudMonitoringWriter.grantWriter(this, region.gcpProject(), account.getMember());
    }
    events.ifPresent(
        topic ->
            PubsubTopicIamMember.Builder.create(this, "publish_events")
                .project(region.gcpProject())
                .topic(topic.name())
                .role("roles/pubsub.publisher")
                .member(account.getMember())
                .build());
  }

  /**
   * The service account {@code accountId} of a function that only reads and writes the region's
   * Firestore documents to begin with, such as a data eraser: no metrics (an eraser records none)
   * and no topic; whatever else its code touches is granted one binding at a time ({@link
   * #grantPublish}, or on the capability's own resources).
   */
  public static CapabilityIdentity firestoreOnly(
      Construct scope,
      String id,
      RegionConfig region,
      String accountId,
      String displayName,
      FirestoreStore store) {
    return new CapabilityIdentity(
        scope, id, region, accountId, displayName, store, Optional.empty(), false);
  }

  /**
   * Grants {@value #DATASTORE_ROLE} to {@code member} on the region's database and its documents
   * only, as {@code firestore} in {@code scope}.
   */
  public static ProjectIamMember grantFirestore(
      Construct scope, RegionConfig region, FirestoreStore store, String member) {
    String database = "projects/" + region.gcpProject() + "/databases/" + store.name();
    return ProjectIamMember.Builder.create(scope, "firestore")
        .project(region.gcpProject())
        .role(DATASTORE_ROLE)
        .member(member)
        .condition(
            ProjectIamMemberCondition.builder()
                .title("only-" + region.firestoreDatabaseName())
                .description("Residency: the " + region.id() + " database only")
                .expression(
                    "resource.name == \""
                        + database
                        + "\" || resource.name.startsWith(\""
                        + database
                        + "/\")")
                .build())
        .build();
  }

  /** Lets the account publish to {@code topic} (a topic-level binding, construct {@code id}). */
  public void grantPublish(String id, EventsTopic topic, RegionConfig region) {
    PubsubTopicIamMember.Builder.create(this, id)
        .project(region.gcpProject())
        .topic(topic.name())
        .role("roles/pubsub.publisher")
        .member(account.getMember())
        .build();
  }

  /**
   * Lets the account sign with its own key through the IAM Credentials API ({@code signBlob}), as
   * V4 signed URLs made in a function need ({@code roles/iam.serviceAccountTokenCreator} on itself
   * only, construct {@code id}); it holds no key file.
   */
  public void grantSelfSigning(String id) {
    ServiceAccountIamMember.Builder.create(this, id)
        .serviceAccountId(account.getName())
        .role(SELF_SIGNING_ROLE)
        .member(account.getMember())
        .build();
  }

  /** The account as an IAM member ({@code serviceAccount:<email>}). */
  public String member() {
    return account.getMember();
  }

  /** The account's e-mail, the function's runtime identity. */
  public String email() {
    return account.getEmail();
  }
}
