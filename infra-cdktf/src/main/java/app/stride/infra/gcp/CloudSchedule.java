package app.stride.infra.gcp;

import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.google.cloud_scheduler_job.CloudSchedulerJob;
import com.hashicorp.cdktf.providers.google.cloud_scheduler_job.CloudSchedulerJobPubsubTarget;
import com.hashicorp.cdktf.providers.google.cloud_scheduler_job.CloudSchedulerJobRetryConfig;
import com.hashicorp.cdktf.providers.google.pubsub_topic.PubsubTopic;
import com.hashicorp.cdktf.providers.google.pubsub_topic.PubsubTopicMessageStoragePolicy;
import com.hashicorp.cdktf.providers.google.service_account.ServiceAccount;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * A Cloud Scheduler job that publishes a tick to its own Pub/Sub topic (stored only in the region's
 * location), the GCP counterpart of an EventBridge Scheduler schedule. The message carries the
 * attribute {@value #SCHEDULE_ATTRIBUTE} = the schedule's name, which {@code PubSubPushes.toTick}
 * in {@code shared-lib/gcp} turns into the tick's schedule. A failed tick is not retried: the next
 * one does the same work. Cloud Scheduler publishes as its own service agent, which holds the
 * publish permission through its service agent role.
 */
public final class CloudSchedule extends Construct {

  /** The message attribute naming the schedule ({@code PubSubPushes.SCHEDULE_ATTRIBUTE}). */
  public static final String SCHEDULE_ATTRIBUTE = "schedule";

  /** The time zone of every cron expression. */
  public static final String TIME_ZONE = "Etc/UTC";

  private final PubsubTopic topic;

  /**
   * Creates the topic and the job, both named {@code name}, firing on {@code cron} with the
   * schedule name {@code scheduleName}.
   */
  public CloudSchedule(
      Construct scope,
      String id,
      RegionConfig region,
      String name,
      String scheduleName,
      String cron,
      String description) {
    super(scope, id);
    topic =
        PubsubTopic.Builder.create(this, "topic")
            .project(region.gcpProject())
            .name(name)
            .messageStoragePolicy(
                PubsubTopicMessageStoragePolicy.builder()
                    .allowedPersistenceRegions(List.of(region.location()))
                    .build())
            .build();
    CloudSchedulerJob.Builder.create(this, "job")
        .project(region.gcpProject())
        .region(region.location())
        .name(name)
        .description(description)
        .schedule(cron)
        .timeZone(TIME_ZONE)
        .pubsubTarget(
            CloudSchedulerJobPubsubTarget.builder()
                .topicName(topic.getId())
                .attributes(Map.of(SCHEDULE_ATTRIBUTE, scheduleName))
                .build())
        .retryConfig(CloudSchedulerJobRetryConfig.builder().retryCount(0).build())
        .build();
  }

  /** The topic's full id {@code projects/<project>/topics/<name>}. */
  public String topicId() {
    return topic.getId();
  }

  /**
   * The service account {@code accountId} through which the event trigger of the scheduled function
   * {@code functionName} delivers its ticks: made the function's only invoker by it, and given
   * nothing else.
   */
  static ServiceAccount triggerAccount(
      Construct scope, RegionConfig region, String accountId, String functionName) {
    return ServiceAccount.Builder.create(scope, "trigger")
        .project(region.gcpProject())
        .accountId(accountId)
        .displayName("Schedule trigger of " + functionName)
        .build();
  }
}
