package app.stride.local.region;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A capability's deployables, as infrastructure deploys them.
 *
 * @param function the spec's {@code x-stride-function}
 * @param awsJar the Lambda jar, relative to the repository root
 * @param awsMainClass the Spring initializer the Lambda's {@code MAIN_CLASS} names
 * @param awsDefinition the {@code spring.cloud.function.definition} of its HTTP entry
 * @param gcpArchive the Cloud Functions archive (a zip holding the jar), relative to the root
 * @param gcpTarget the Functions Framework entry class
 */
public record Deployable(
    String function,
    Path awsJar,
    String awsMainClass,
    String awsDefinition,
    Path gcpArchive,
    String gcpTarget) {

  /** Profiles: the signed-in user's profile. */
  public static final Deployable PROFILES = capability("profiles", "Profiles");

  /** Auth: accounts, sign-in, two-factor, tokens and the JWKS of its region. */
  public static final Deployable AUTH = capability("auth", "Auth");

  /** Workouts: what the signed-in user records by hand. */
  public static final Deployable WORKOUTS = capability("workouts", "Workouts");

  /** Planner: the plan library, the user's plans and their dated schedule. */
  public static final Deployable PLANNER = capability("planner", "Planner");

  /** Social: groups and their chats, served by the group's region. */
  public static final Deployable SOCIAL = capability("social", "Social");

  /** Devices: activity imports, imported activities and the providers' webhooks. */
  public static final Deployable DEVICES = capability("devices", "Devices");

  /**
   * Every deployable, in start order: a capability that reads another's table (the planner reads
   * workouts) starts after it, so the table exists when it first looks.
   */
  public static final List<Deployable> ALL =
      List.of(PROFILES, AUTH, WORKOUTS, PLANNER, SOCIAL, DEVICES);

  /** A capability built the way every capability module builds its deployables. */
  private static Deployable capability(String function, String typeName) {
    return new Deployable(
        function,
        Path.of("functions/" + function + "/aws/target/" + function + "-aws-lambda.jar"),
        "app.stride." + function + ".aws." + typeName + "AwsApplication",
        function + "Http",
        Path.of("functions/" + function + "/gcp/target/" + function + "-gcp-function.zip"),
        "app.stride." + function + ".gcp." + typeName + "HttpFunction");
  }

  /**
   * A capability's queue worker, deployed by infra beside its HTTP function from the same jar and
   * archive ({@code Capabilities.DEVICES_WORKER}): the Lambda {@code stride-<function>-worker-<id>}
   * fed by the work queue's SQS event source, the Cloud Function the work topic's delivery
   * subscription pushes to.
   *
   * @param queue the work queue's and topic's stem: {@code stride-<queue>-<regionId>}
   * @param queueUrlEnv the variable naming the work queue to the AWS functions
   * @param topicEnv the variable naming the work topic to the GCP functions
   * @param awsDefinition the SQS batch function of the worker Lambda
   * @param gcpTarget the Functions Framework entry of the worker function
   * @param timeout the worker's timeout (a batch, or one push)
   */
  public record Worker(
      String queue,
      String queueUrlEnv,
      String topicEnv,
      String awsDefinition,
      String gcpTarget,
      Duration timeout) {

    /** The work queue's (or topic's) name in region {@code regionId}. */
    public String queueName(String regionId) {
      return "stride-" + queue + "-" + regionId;
    }
  }

  /**
   * The devices worker: fetches what verified webhook notifications announce, imports uploaded
   * files and revokes disconnected grants; 540 s per message as infra deploys it ({@code
   * Capabilities.DEVICES_WORKER}).
   */
  public static final Worker DEVICES_WORKER =
      new Worker(
          "devices-work",
          "STRIDE_DEVICES_WORK_QUEUE_URL",
          "STRIDE_DEVICES_WORK_TOPIC",
          "devicesWorkerQueue",
          "app.stride.devices.gcp.DevicesWorkerFunction",
          Duration.ofSeconds(540));

  /**
   * The type of the event auth publishes when an account is deleted; every capability keeping a
   * user's data erases it on this event.
   */
  public static final String USER_DELETED = "app.stride.user.v1.deleted";

  /**
   * A capability's function taking one type of event from the region's profile events, deployed by
   * infra beside its HTTP function from the same jar and archive ({@code Capability.Subscriber}):
   * the Lambda or Cloud Function {@code stride-<function>-<stem>-<id>}, fed by its own queue (AWS:
   * the profile events fanned out through SNS to a queue filtered on the event's type) or its own
   * filtered push subscription (GCP).
   *
   * @param stem the function's stem, e.g. {@code eraser}
   * @param eventType the CloudEvent type it takes
   * @param awsDefinition the SQS batch function of its Lambda
   * @param gcpTarget the Functions Framework entry of its Cloud Function (a Pub/Sub push)
   * @param timeout its timeout (a batch, or one push)
   */
  public record Subscriber(
      String stem, String eventType, String awsDefinition, String gcpTarget, Duration timeout) {

    /** The function's name (and its queue's or subscription's) in region {@code regionId}. */
    public String name(String function, String regionId) {
      return "stride-" + function + "-" + stem + "-" + regionId;
    }
  }

  /** The profiles data eraser ({@code Capabilities.PROFILES_ERASER}): 60 s. */
  public static final Subscriber PROFILES_ERASER =
      new Subscriber(
          "eraser",
          USER_DELETED,
          "profilesUserEraserQueue",
          "app.stride.profiles.gcp.ProfilesUserEraserFunction",
          Duration.ofSeconds(60));

  /** The planner data eraser ({@code Capabilities.PLANNER_ERASER}): 60 s. */
  public static final Subscriber PLANNER_ERASER =
      new Subscriber(
          "eraser",
          USER_DELETED,
          "plannerUserEraserQueue",
          "app.stride.planner.gcp.PlannerUserEraserFunction",
          Duration.ofSeconds(60));

  /** The workouts data eraser ({@code Capabilities.WORKOUTS_ERASER}): 120 s. */
  public static final Subscriber WORKOUTS_ERASER =
      new Subscriber(
          "eraser",
          USER_DELETED,
          "workoutsUserEraserQueue",
          "app.stride.workouts.gcp.WorkoutsUserEraserFunction",
          Duration.ofSeconds(120));

  /** The devices data eraser ({@code Capabilities.DEVICES_ERASER}): 300 s. */
  public static final Subscriber DEVICES_ERASER =
      new Subscriber(
          "eraser",
          USER_DELETED,
          "devicesUserEraserQueue",
          "app.stride.devices.gcp.DevicesUserEraserFunction",
          Duration.ofSeconds(300));

  /** The social data eraser ({@code Capabilities.SOCIAL_ERASER}): 300 s. */
  public static final Subscriber SOCIAL_ERASER =
      new Subscriber(
          "eraser",
          USER_DELETED,
          "socialUserEraserQueue",
          "app.stride.social.gcp.SocialUserEraserFunction",
          Duration.ofSeconds(300));

  /**
   * The capability's event subscribers: the data erasers of profiles, planner, workouts, social,
   * devices.
   */
  public List<Subscriber> subscribers() {
    if (serves(PROFILES.function())) {
      return List.of(PROFILES_ERASER);
    }
    if (serves(PLANNER.function())) {
      return List.of(PLANNER_ERASER);
    }
    if (serves(WORKOUTS.function())) {
      return List.of(WORKOUTS_ERASER);
    }
    if (serves(SOCIAL.function())) {
      return List.of(SOCIAL_ERASER);
    }
    return serves(DEVICES.function()) ? List.of(DEVICES_ERASER) : List.of();
  }

  /**
   * The stem of the events queue or topic the capability publishes to ({@code
   * stride-<stem>-events-<id>} locally): its own, except auth's, which publishes account deletions
   * to the profile events as infra wires it ({@code stride-profile-events-<id>} in the cloud).
   */
  public String eventsStem() {
    return serves(AUTH.function()) ? PROFILES.function() : function;
  }

  /** The capability's queue worker, when it has one. */
  public Optional<Worker> worker() {
    return serves(DEVICES.function()) ? Optional.of(DEVICES_WORKER) : Optional.empty();
  }

  /** This deployable with other entry points of the same jar and archive. */
  public Deployable entries(String awsDefinition, String gcpTarget) {
    return new Deployable(function, awsJar, awsMainClass, awsDefinition, gcpArchive, gcpTarget);
  }

  /** Whether this is the deployable of the capability named {@code function}. */
  public boolean serves(String function) {
    return this.function.equals(function);
  }
}
