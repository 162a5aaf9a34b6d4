package app.stride.infra.gcp;

import com.hashicorp.cdktf.providers.google.project_iam_member.ProjectIamMember;
import software.constructs.Construct;

/**
 * How a Cloud Function sends the edge's meters to Cloud Monitoring (shared-gcp {@code
 * FunctionMetrics}): the variables that select the output and name the project, and the one role
 * its service account needs to write custom metrics.
 */
public final class CloudMonitoringWriter {

  /** The variable choosing where a function's meters go. */
  public static final String METRICS_ENV = "STRIDE_METRICS";

  /** Every Cloud Function pushes its meters to Cloud Monitoring. */
  public static final String METRICS = "cloud-monitoring";

  /** The project the meters are written to (the runtime does not set one for Java). */
  public static final String PROJECT_ENV = "STRIDE_GCP_PROJECT";

  /** Writing time series, nothing else: no reading, no dashboards or alert policies. */
  public static final String ROLE = "roles/monitoring.metricWriter";

  private CloudMonitoringWriter() {}

  /** Grants {@value #ROLE} on {@code project} to {@code member}, as {@code metric_writer}. */
  public static ProjectIamMember grantWriter(Construct scope, String project, String member) {
    return ProjectIamMember.Builder.create(scope, "metric_writer")
        .project(project)
        .role(ROLE)
        .member(member)
        .build();
  }
}
