package app.stride.infra.aws;

import app.stride.infra.config.AlertingConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarm;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarmMetricQuery;
import com.hashicorp.cdktf.providers.aws.sns_topic.SnsTopic;
import com.hashicorp.cdktf.providers.aws.sns_topic_subscription.SnsTopicSubscription;
import java.util.List;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * Where a region's alarms go, and the alarm on open circuit breakers. The SNS topic {@code
 * stride-alarms-<id>} gets an email subscription per configured address ({@code alerting.emails});
 * {@link #notifyOnEveryAlarm(Construct)} points every alarm of the stack at it. The topic is not
 * KMS-encrypted: CloudWatch can publish only to topics whose key policy lets it, and the region key
 * lets no service but SNS delivering the fan-out topics' messages ({@link
 * RegionKey#letSnsDeliverFrom}); alarm messages carry no personal data.
 *
 * <p>The breaker alarm reads the gauge the functions publish as CloudWatch Embedded Metric Format:
 * {@value #BREAKER_METRIC} in namespace {@value ApiStage#NAMESPACE}, dimension {@code dependency},
 * {@code 1} while a breaker is open. A Metrics Insights query takes the maximum over every
 * dependency (and any further dimensions), so a new dependency needs no new alarm. The fallback
 * alarm reads {@value #FALLBACK_METRIC} the same way: an HTTP function deciding on in-process
 * buckets for {@value #FALLBACK_MINUTES} minutes in a row means the region's Redis ({@link
 * RegionRedis}) is unreachable or slow.
 */
public final class RegionAlarms extends Construct {

  /** The breaker-state gauge: 0 closed, 1 open (half-open in between). */
  public static final String BREAKER_METRIC = "stride.breaker.state";

  /**
   * The rate limiter's fallback gauge: 1 while a function decides on its in-process buckets because
   * the region's Redis fails or is slow.
   */
  public static final String FALLBACK_METRIC = "stride.ratelimit.fallback.active";

  /** The Metrics Insights query of the fallback alarm: any function of any capability. */
  public static final String FALLBACK_QUERY =
      "SELECT MAX(\"" + FALLBACK_METRIC + "\") FROM \"" + ApiStage.NAMESPACE + "\"";

  /**
   * Minutes in a row of fallback before the alarm: a failover (seconds) or one slow minute is not
   * worth a page; Redis unreachable for five minutes is (every bucket then holds per instance).
   */
  public static final int FALLBACK_MINUTES = 5;

  /** The Metrics Insights query of the breaker alarm. */
  public static final String BREAKER_QUERY =
      "SELECT MAX(\"" + BREAKER_METRIC + "\") FROM \"" + ApiStage.NAMESPACE + "\"";

  private final SnsTopic topic;

  /** Creates the topic, its subscriptions and the breaker alarm. */
  public RegionAlarms(Construct scope, String id, RegionConfig region, AlertingConfig alerting) {
    super(scope, id);
    topic = SnsTopic.Builder.create(this, "topic").name("stride-alarms-" + region.id()).build();
    for (int i = 0; i < alerting.emails().size(); i++) {
      SnsTopicSubscription.Builder.create(this, "email_" + i)
          .topicArn(topic.getArn())
          .protocol("email")
          .endpoint(alerting.emails().get(i))
          .build();
    }
    CloudwatchMetricAlarm.Builder.create(this, "breaker_open")
        .alarmName("stride-" + region.id() + "-breaker-open")
        .alarmDescription("A circuit breaker of a function in " + region.id() + " is open")
        .metricQuery(
            List.of(
                CloudwatchMetricAlarmMetricQuery.builder()
                    .id("breaker")
                    .expression(BREAKER_QUERY)
                    .period(60)
                    .returnData(true)
                    .build()))
        .evaluationPeriods(1)
        .threshold(1)
        .comparisonOperator("GreaterThanOrEqualToThreshold")
        .treatMissingData("notBreaching")
        .build();
    CloudwatchMetricAlarm.Builder.create(this, "ratelimit_fallback")
        .alarmName("stride-" + region.id() + "-ratelimit-fallback")
        .alarmDescription(
            "HTTP functions in "
                + region.id()
                + " rate-limit on in-process buckets: the region's Redis fails or is slow")
        .metricQuery(
            List.of(
                CloudwatchMetricAlarmMetricQuery.builder()
                    .id("fallback")
                    .expression(FALLBACK_QUERY)
                    .period(60)
                    .returnData(true)
                    .build()))
        .evaluationPeriods(FALLBACK_MINUTES)
        .datapointsToAlarm(FALLBACK_MINUTES)
        .threshold(1)
        .comparisonOperator("GreaterThanOrEqualToThreshold")
        .treatMissingData("notBreaching")
        .build();
  }

  /** Sends the alarm and recovery of every CloudWatch alarm under {@code root} to the topic. */
  public void notifyOnEveryAlarm(Construct root) {
    for (IConstruct node : root.getNode().findAll()) {
      if (node instanceof CloudwatchMetricAlarm alarm) {
        alarm.setAlarmActions(List.of(topic.getArn()));
        alarm.setOkActions(List.of(topic.getArn()));
      }
    }
  }

  /** The topic's ARN. */
  public String topicArn() {
    return topic.getArn();
  }
}
