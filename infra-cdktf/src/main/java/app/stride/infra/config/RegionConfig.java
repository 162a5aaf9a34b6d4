package app.stride.infra.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One home region: where a user's personal data lives and which functions serve it.
 *
 * <p>Every resource name of the region derives from {@link #id()}, so adding a region is one more
 * entry in the config file and nothing else.
 *
 * @param id short region id carried in tokens and data, e.g. {@code eu}
 * @param cloud the cloud the region runs on
 * @param location the cloud's region name, e.g. {@code eu-central-1} or {@code asia-southeast1}
 * @param gcpProject the Google Cloud project id; required for {@link Cloud#GCP}, absent for AWS
 */
public record RegionConfig(String id, Cloud cloud, String location, String gcpProject) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]{1,11}");
  private static final Pattern LOCATION = Pattern.compile("[a-z]+(-[a-z]+)*-?[0-9]+");

  /** Validates the region; a GCP region needs a project, an AWS region must not name one. */
  public RegionConfig {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(cloud, "cloud");
    Objects.requireNonNull(location, "location");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("region id must match " + ID + ": " + id);
    }
    if (!LOCATION.matcher(location).matches()) {
      throw new IllegalArgumentException("not a cloud region name: " + location);
    }
    if (cloud == Cloud.GCP && (gcpProject == null || gcpProject.isBlank())) {
      throw new IllegalArgumentException("GCP region " + id + " needs gcpProject");
    }
    if (cloud == Cloud.AWS && gcpProject != null) {
      throw new IllegalArgumentException("AWS region " + id + " must not set gcpProject");
    }
  }

  /** The Terraform stack name, e.g. {@code aws-eu-central-1}. */
  public String stackName() {
    return cloud.prefix() + "-" + location;
  }

  /**
   * The HTTP function (Lambda or Cloud Function) of {@code capability} in this region, also the
   * name of its role or service account.
   */
  public String functionName(String capability) {
    return "stride-" + capability + "-" + id;
  }

  /**
   * The real-time (chat) function of {@code capability}: the WebSocket Lambda on AWS, the Cloud Run
   * server on GCP; also the name of the Lambda's role.
   */
  public String realtimeFunctionName(String capability) {
    return "stride-" + capability + "-realtime-" + id;
  }

  /**
   * The worker draining the work queue of {@code capability} (Lambda or Cloud Function), also the
   * name of its role or service account.
   */
  public String workerFunctionName(String capability) {
    return "stride-" + capability + "-worker-" + id;
  }

  /**
   * The function of {@code capability} subscribed to events with the stem {@code stem} (e.g. its
   * data eraser, {@code stride-devices-eraser-eu}), also the name of its role or service account.
   */
  public String subscriberFunctionName(String capability, String stem) {
    return "stride-" + capability + "-" + stem + "-" + id;
  }

  /**
   * The scheduled follow-up sweep of the subscriber {@code stem} of {@code capability} (e.g. {@code
   * stride-devices-eraser-sweep-eu}), also the name of its Lambda role; on GCP it runs as the
   * subscriber's account, and its schedule's topic and job take this name. At most 51 characters
   * for any valid capability, stem and region id: under Lambda's 64 and Cloud Functions' 63.
   */
  public String subscriberSweepFunctionName(String capability, String stem) {
    return "stride-" + capability + "-" + stem + "-sweep-" + id;
  }

  /** The DynamoDB table of {@code capability} in an AWS region ({@code TableNames} in code). */
  public String tableName(String capability) {
    return "stride-" + capability + "-" + id;
  }

  /**
   * The function that relays the outbox of {@code capability} on a schedule (Lambda or Cloud
   * Function), e.g. {@code stride-devices-outbox-relay-eu}; also the name of its Lambda role, and
   * on GCP of its schedule's job and topic. At most 49 characters for any valid capability and
   * region id: under Lambda's 64 and Cloud Functions' 63.
   */
  public String outboxRelayFunctionName(String capability) {
    return "stride-" + capability + "-outbox-relay-" + id;
  }

  /** The SQS queue or Pub/Sub topic {@code stride-<events>-<id>}, e.g. profile events. */
  public String eventsName(String events) {
    return "stride-" + events + "-" + id;
  }

  /** The profiles function (Lambda or Cloud Function) of this region. */
  public String profilesFunctionName() {
    return functionName("profiles");
  }

  /** The function that relays the profile outbox of this region on a schedule. */
  public String profilesOutboxRelayFunctionName() {
    return outboxRelayFunctionName("profiles");
  }

  /**
   * The EventBridge Scheduler group of an AWS region; a schedule's ARN ends in {@code
   * schedule/<group>/<name>}.
   */
  public String scheduleGroupName() {
    return "stride-" + id;
  }

  /** The Secrets Manager secret holding the region's listing-cursor HMAC key. */
  public String cursorKeySecretName() {
    return "stride-cursor-key-" + id;
  }

  /** The DynamoDB profiles table of an AWS region. */
  public String profilesTableName() {
    return tableName("profiles");
  }

  /** The Firestore database of a GCP region. */
  public String firestoreDatabaseName() {
    return "stride-" + id;
  }

  /** The SQS queue or Pub/Sub topic that carries profile events. */
  public String profileEventsName() {
    return eventsName("profile-events");
  }

  /** The dead-letter queue or topic for {@link #profileEventsName()}. */
  public String profileEventsDeadLetterName() {
    return profileEventsName() + "-dlq";
  }

  /** The DynamoDB auth table of an AWS region ({@code AuthTableConfig} in {@code auth-aws}). */
  public String authTableName() {
    return "stride-auth-" + id;
  }

  /** The auth HTTP function (Lambda or Cloud Function) of this region. */
  public String authFunctionName() {
    return "stride-auth-" + id;
  }

  /** The function that advances the region's signing-key rotation on a schedule. */
  public String authKeyRotationFunctionName() {
    return "stride-auth-key-rotation-" + id;
  }

  /** The function that relays pending account-deletion events on a schedule. */
  public String authDeletionRelayFunctionName() {
    return "stride-auth-deletion-relay-" + id;
  }

  /** The SES configuration set of an AWS region's auth mail. */
  public String sesConfigurationSetName() {
    return "stride-auth-" + id;
  }

  /**
   * The secret holding the region's copy of the directory hash key ({@code
   * STRIDE_DIRECTORY_SECRET}); the value is the same in every region.
   */
  public String directoryHashKeySecretName() {
    return "stride-directory-hash-key-" + id;
  }

  /**
   * The secret holding the region's copy of the directory API's request-signing secret ({@code
   * STRIDE_DIRECTORY_API_SECRET}); the value equals the global stack's.
   */
  public String directoryApiSecretName() {
    return "stride-directory-api-secret-" + id;
  }

  /** The Secret Manager secret holding the SMTP relay password of a GCP region. */
  public String smtpPasswordSecretName() {
    return "stride-smtp-password-" + id;
  }
}
