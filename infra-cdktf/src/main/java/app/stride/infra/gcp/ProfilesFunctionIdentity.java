package app.stride.infra.gcp;

import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.google.project_iam_member.ProjectIamMember;
import com.hashicorp.cdktf.providers.google.project_iam_member.ProjectIamMemberCondition;
import com.hashicorp.cdktf.providers.google.pubsub_topic_iam_member.PubsubTopicIamMember;
import com.hashicorp.cdktf.providers.google.service_account.ServiceAccount;
import software.constructs.Construct;

/**
 * The profiles function's own service account and its only grants: Firestore access on the region's
 * database (a project-level role narrowed by an IAM condition on the database name, since Firestore
 * has no database-level IAM policy) and publishing on the region's topic (a topic-level binding).
 */
public final class ProfilesFunctionIdentity extends Construct {

  /** Read/write access to Firestore documents. */
  public static final String DATASTORE_ROLE = "roles/datastore.user";

  private final ServiceAccount account;

  /** Creates the service account {@code stride-profiles-<regionId>} and its bindings. */
  public ProfilesFunctionIdentity(
      Construct scope,
      String id,
      RegionConfig region,
      FirestoreStore store,
      ProfileEventsTopic events) {
    super(scope, id);
    account =
        ServiceAccount.Builder.create(this, "account")
            .project(region.gcpProject())
            .accountId(region.profilesFunctionName())
            .displayName("Stride profiles function (" + region.id() + ")")
            .build();
    String database = "projects/" + region.gcpProject() + "/databases/" + store.name();
    ProjectIamMember.Builder.create(this, "firestore")
        .project(region.gcpProject())
        .role(DATASTORE_ROLE)
        .member(account.getMember())
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
    CloudMonitoringWriter.grantWriter(this, region.gcpProject(), account.getMember());
    PubsubTopicIamMember.Builder.create(this, "publish_events")
        .project(region.gcpProject())
        .topic(events.name())
        .role("roles/pubsub.publisher")
        .member(account.getMember())
        .build();
  }

  /** The account's e-mail, the function's runtime identity. */
  public String email() {
    return account.getEmail();
  }
}
