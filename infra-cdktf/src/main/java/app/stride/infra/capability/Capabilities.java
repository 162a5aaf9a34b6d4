package app.stride.infra.capability;

import app.stride.infra.capability.Capability.EnvelopeKey;
import app.stride.infra.capability.Capability.ObjectBucket;
import app.stride.infra.capability.Capability.Outbox;
import app.stride.infra.capability.Capability.SecretSetting;
import app.stride.infra.capability.Capability.TableRead;
import app.stride.infra.capability.Capability.WorkQueue;
import app.stride.infra.capability.FirestoreIndexSpec.Field;
import app.stride.infra.capability.TableSchema.Index;
import app.stride.infra.capability.TableSchema.Key;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The HTTP capabilities every regional stack deploys, with what their adapters expect. Names of
 * classes, beans, variables and keys mirror {@code functions/<name>}; keep them in step.
 */
public final class Capabilities {

  /**
   * The sparse outbox index ({@code ProfileItem.OUTBOX_INDEX}): items with pending events carry
   * {@code outboxShard} ({@code outbox#0..3}) and {@code outboxSince} (epoch millis of the oldest
   * pending event); the relay queries it shard by shard and reads the events from the items.
   */
  public static final Index OUTBOX_INDEX =
      new Index("outbox", Key.string("outboxShard"), Optional.of(Key.number("outboxSince")));

  /**
   * The event auth publishes to the region's {@code profile-events} when an account is deleted
   * ({@code events/schemas/user/v1/deleted.json}); each capability keeping a user's data erases it.
   */
  public static final String USER_DELETED = "app.stride.user.v1.deleted";

  /**
   * The profiles data eraser ({@code ProfilesFunctions.USER_ERASER}): the user's profile, goals and
   * preferences; a few items, so the default minute is ample.
   */
  public static final Capability.Subscriber PROFILES_ERASER =
      new Capability.Subscriber(
          "eraser",
          "profile-events",
          USER_DELETED,
          "profilesUserEraserQueue",
          "app.stride.profiles.gcp.ProfilesUserEraserFunction",
          60,
          1024);

  /**
   * The devices eraser's follow-up ({@code ErasureSweep}): every 15 minutes, as long as an upload
   * URL stays valid, it lists the accounts erased in the last hour and runs the erasure's removal
   * steps again for each, catching the writes that land after the eraser ran (a request whose own
   * cleanup failed; an object put through an upload URL signed before the erasure). On AWS {@code
   * devicesErasureSweepSchedule} of the devices jar ({@code DevicesAwsApplication}) queries the
   * erased-account markers in the {@link #OUTBOX_INDEX} under {@code outboxShard = "erased"},
   * {@code outboxSince} = the erasure's epoch millis; on GCP {@code DevicesErasureSweepFunction}
   * queries {@code erasedAccounts} by {@code erasedAt}, a single-field index Firestore keeps by
   * itself.
   */
  public static final Capability.Sweep DEVICES_ERASURE_SWEEP =
      new Capability.Sweep(
          "devicesErasureSweepSchedule",
          "app.stride.devices.gcp.DevicesErasureSweepFunction",
          "devices-erasure-sweep",
          15,
          OUTBOX_INDEX.name());

  /**
   * The devices data eraser ({@code DevicesFunctions.USER_ERASER}): connections (each revocation
   * queued on the work queue), imports, activities, and every object under the user's folders of
   * the bucket, in pages; a failed step fails the delivery and the next resumes, so 300 s is a
   * budget per attempt, not a bound on a user's data. Followed up by {@link
   * #DEVICES_ERASURE_SWEEP}.
   */
  public static final Capability.Subscriber DEVICES_ERASER =
      new Capability.Subscriber(
          "eraser",
          "profile-events",
          USER_DELETED,
          "devicesUserEraserQueue",
          "app.stride.devices.gcp.DevicesUserEraserFunction",
          300,
          1024,
          Optional.of(DEVICES_ERASURE_SWEEP));

  /**
   * The planner data eraser ({@code PlannerFunctions.USER_ERASER}): the user's calendar feed (its
   * token lookup, then the record) and every plan; a few items, so the default minute is ample.
   */
  public static final Capability.Subscriber PLANNER_ERASER =
      new Capability.Subscriber(
          "eraser",
          "profile-events",
          USER_DELETED,
          "plannerUserEraserQueue",
          "app.stride.planner.gcp.PlannerUserEraserFunction",
          60,
          1024);

  /**
   * The workouts data eraser ({@code WorkoutsFunctions.USER_ERASER}): the user's whole partition of
   * the workouts table (workouts, delete markers with their pending events, retry claims) in pages
   * of batched deletes, or their two Firestore collections; 120 s, a budget per attempt for a long
   * history (a failed page fails the delivery, and the next resumes).
   */
  public static final Capability.Subscriber WORKOUTS_ERASER =
      new Capability.Subscriber(
          "eraser",
          "profile-events",
          USER_DELETED,
          "workoutsUserEraserQueue",
          "app.stride.workouts.gcp.WorkoutsUserEraserFunction",
          120,
          1024);

  /**
   * Profiles: {@code pk}/{@code sk}, the outbox index, TTL on {@code expiresAt}; its data eraser
   * subscribes to account deletions.
   */
  public static final Capability PROFILES =
      new Capability(
              "profiles",
              "STRIDE_PROFILES_TABLE",
              "app.stride.profiles.aws.ProfilesAwsApplication",
              "profilesHttp",
              "app.stride.profiles.gcp.ProfilesHttpFunction",
              TableSchema.pkSk().withGlobalIndex(OUTBOX_INDEX).withTtl("expiresAt"),
              List.of(),
              Optional.of(
                  new Outbox(
                      "profile-events",
                      "profilesOutboxRelaySchedule",
                      "app.stride.profiles.gcp.ProfilesOutboxRelayFunction",
                      "outbox",
                      false)),
              List.of())
          .withSubscriber(PROFILES_ERASER);

  /**
   * The planner: plan library, my plan, schedule and calendar feed. Reads a recorded workout by key
   * from the workouts table to complete a session with it ({@code LoadWorkoutSummaryPort}); its
   * data eraser subscribes to account deletions.
   */
  public static final Capability PLANNER =
      new Capability(
              "planner",
              "STRIDE_PLANNER_TABLE",
              "app.stride.planner.aws.PlannerAwsApplication",
              "plannerHttp",
              "app.stride.planner.gcp.PlannerHttpFunction",
              TableSchema.pkSk(),
              List.of(TableRead.getItem("workouts")),
              Optional.empty(),
              List.of())
          .withSubscriber(PLANNER_ERASER);

  /**
   * Manual workouts: {@code userId}/{@code workoutId}, history by start time through the local
   * index {@code byStartTime} on {@code startKey} ({@code <ISO instant>#<workoutId>}), events
   * through an outbox like profiles', TTL on {@code expiresAt} (delete markers, idempotency
   * claims), as {@code WorkoutItem} has them; reads the profile by key for the user's units; its
   * data eraser subscribes to account deletions.
   */
  public static final Capability WORKOUTS =
      new Capability(
              "workouts",
              "STRIDE_WORKOUTS_TABLE",
              "app.stride.workouts.aws.WorkoutsAwsApplication",
              "workoutsHttp",
              "app.stride.workouts.gcp.WorkoutsHttpFunction",
              new TableSchema(
                      Key.string("userId"),
                      Optional.of(Key.string("workoutId")),
                      List.of(),
                      List.of(),
                      Optional.empty())
                  .withLocalIndex(
                      new Index(
                          "byStartTime", Key.string("userId"), Optional.of(Key.string("startKey"))))
                  .withGlobalIndex(OUTBOX_INDEX)
                  .withTtl("expiresAt"),
              List.of(TableRead.getItem("profiles")),
              Optional.of(
                  new Outbox(
                      "workout-events",
                      "workoutsOutboxRelaySchedule",
                      "app.stride.workouts.gcp.WorkoutsOutboxRelayFunction",
                      "outbox",
                      true)),
              List.of(
                  FirestoreIndexSpec.collection(
                      "workouts",
                      "a user's history of one sport, newest first",
                      Field.asc("sport"),
                      Field.desc("startKey"))))
          .withSubscriber(WORKOUTS_ERASER);

  /**
   * Social: groups, membership, chat, as {@code SocialItem} and the Firestore {@code
   * SocialDocuments} lay them out: public groups by normalized name through the sparse index {@code
   * byName}, a user's memberships through {@code byUser}, invites expiring on {@code expiresAt}.
   */
  public static final Capability SOCIAL =
      new Capability(
          "social",
          "STRIDE_SOCIAL_TABLE",
          "app.stride.social.aws.SocialAwsApplication",
          "socialHttp",
          "app.stride.social.gcp.SocialHttpFunction",
          TableSchema.pkSk()
              .withGlobalIndex(
                  new Index("byName", Key.string("searchPk"), Optional.of(Key.string("searchSk"))))
              .withGlobalIndex(
                  new Index("byUser", Key.string("userPk"), Optional.of(Key.string("userSk"))))
              .withTtl("expiresAt"),
          List.of(),
          Optional.empty(),
          List.of(
              FirestoreIndexSpec.collection(
                  "groups",
                  "public groups by normalized name prefix",
                  Field.asc("public"),
                  Field.asc("nameKey"),
                  Field.asc("groupId")),
              FirestoreIndexSpec.collection(
                  "groupMembers", "a group's members", Field.asc("groupId"), Field.asc("userId")),
              FirestoreIndexSpec.collection(
                  "groupMembers", "a user's groups", Field.asc("userId"), Field.asc("groupId")),
              FirestoreIndexSpec.collection(
                  "groupJoinRequests",
                  "a group's pending requests",
                  Field.asc("groupId"),
                  Field.asc("userId")),
              FirestoreIndexSpec.collection(
                  "groupMessages",
                  "a group's messages, oldest first",
                  Field.asc("groupId"),
                  Field.asc("messageId")),
              FirestoreIndexSpec.collection(
                  "groupMessages",
                  "a group's messages, newest first",
                  Field.asc("groupId"),
                  Field.desc("messageId")),
              FirestoreIndexSpec.collection(
                  "groupJoinRequests",
                  "a user's pending requests, for the erasure of their account",
                  Field.asc("userId"),
                  Field.asc("groupId")),
              FirestoreIndexSpec.collection(
                  "groupMessages",
                  "an author's live messages, for the erasure of their account",
                  Field.asc("authorId"),
                  Field.asc("deleted"),
                  Field.asc("groupId"),
                  Field.asc("messageId"))));

  /**
   * The devices worker's share of Strava's application limits ({@code
   * DevicesFunctions.STRAVA_BUDGET_SHARE_ENV}, a decimal in (0, 1]).
   */
  public static final String STRAVA_BUDGET_SHARE_ENV = "STRIDE_PROVIDER_STRAVA_BUDGET_SHARE";

  /**
   * The devices worker: fetches a notified activity from its provider's API, stores the original
   * and its samples, writes the activity with its event, refreshing and resealing the connection's
   * tokens as needed. {@code devicesWorkerQueue} is the SQS batch face ({@code batchItemFailures})
   * of {@code DevicesFunctions.WORKER}; {@code DevicesWorkerFunction} takes one Pub/Sub push and
   * throws to have it redelivered. It also imports the files users upload straight to the bucket
   * (up to 512 MiB zipped, an Apple Health export inflating to gigabytes of XML, streamed): 540 s
   * (Cloud Functions' limit for an event-driven function) and 3072 MB cover that; the work queue's
   * visibility timeout (AWS, six times this) and the push's ack deadline (GCP) derive from it.
   *
   * <p>Strava's rate limits are per application, and every region pulls with the same one: each
   * region's worker counts its calls (in {@code providerCallWindows} on GCP, {@code CALLS#<window>}
   * items of its table on AWS) up to its share, {@value #STRAVA_BUDGET_SHARE_ENV}, so that all the
   * regions together stay within them.
   */
  public static final Capability.Worker DEVICES_WORKER =
      new Capability.Worker(
          "devicesWorkerQueue",
          "app.stride.devices.gcp.DevicesWorkerFunction",
          540,
          3072,
          List.of(STRAVA_BUDGET_SHARE_ENV));

  /** The providers devices connects to, as their variables spell them ({@code Provider}). */
  public static final List<String> DEVICE_PROVIDERS =
      List.of("GARMIN", "STRAVA", "POLAR", "SUUNTO", "FITBIT", "WAHOO", "COROS");

  /**
   * What the devices functions read from the region's secret store ({@code ConnectionSettings},
   * {@code EnvWebhookSecrets}, {@code DevicesFunctions}): both functions the OAuth state key,
   * redirect URI and each provider's client id and secret, and Suunto's API subscription key; the
   * HTTP function also the webhook secrets, where a webhook checks a client id or secret the same
   * secret as the OAuth client's.
   */
  public static final List<SecretSetting> DEVICES_SECRETS = devicesSecrets();

  /**
   * The devices collections whose documents expire on GCP, each with a TTL policy on {@value
   * #DEVICES_TTL_FIELD}: {@code imports} and {@code importHashes} ({@code users/{userId}/...}, 30
   * days after an import's last change, {@code ImportDocument.RETENTION}) and {@code
   * erasedAccounts}, the markers of erased accounts that refuse late writes for 15 days. Their
   * adapters read a passed {@code expiresAt} as absent, so TTL only tidies up. Also {@code
   * providerCallWindows}, the region's counters of provider calls ({@code
   * FirestoreSharedCallCounter}), kept an hour past their window, whose key names the window so
   * none is counted again.
   */
  public static final List<String> DEVICES_FIRESTORE_TTL_COLLECTIONS =
      List.of("imports", "importHashes", "erasedAccounts", "providerCallWindows");

  /**
   * The timestamp field of {@link #DEVICES_FIRESTORE_TTL_COLLECTIONS} after which Firestore
   * deletes.
   */
  public static final String DEVICES_TTL_FIELD = "expiresAt";

  /**
   * Devices: activities imported from devices, apps and files, with connections and import jobs,
   * {@code userId}/{@code sk}, a user's activities by start time through the local index {@code
   * byStart} on {@code startKey}, events through an outbox, TTL on {@code expiresAt}; reads the
   * profile by key (units, zone) and, for the history ({@code GET /v1/history}), queries the
   * workouts table's {@code byStartTime} index ({@code RecordedWorkouts}). Raw originals (under
   * {@code originals/}) and sample streams in the region's bucket, OAuth tokens sealed with its own
   * envelope key, verified webhook notifications sent to its work queue, drained by {@link
   * #DEVICES_WORKER}; its data eraser ({@link #DEVICES_ERASER}) subscribes to account deletions.
   *
   * <p>Its provider settings ({@link #DEVICES_SECRETS}) come from the region's secret store.
   */
  public static final Capability DEVICES =
      new Capability(
          "devices",
          "STRIDE_DEVICES_TABLE",
          "app.stride.devices.aws.DevicesAwsApplication",
          "devicesHttp",
          "app.stride.devices.gcp.DevicesHttpFunction",
          new TableSchema(
                  Key.string("userId"),
                  Optional.of(Key.string("sk")),
                  List.of(),
                  List.of(),
                  Optional.empty())
              .withLocalIndex(
                  new Index("byStart", Key.string("userId"), Optional.of(Key.string("startKey"))))
              .withGlobalIndex(OUTBOX_INDEX)
              .withTtl("expiresAt"),
          List.of(
              TableRead.getItem("profiles"), new TableRead("workouts", List.of("dynamodb:Query"))),
          Optional.of(
              new Outbox(
                  "activity-events",
                  "devicesOutboxRelaySchedule",
                  "app.stride.devices.gcp.DevicesOutboxRelayFunction",
                  "outbox",
                  false)),
          List.of(),
          Optional.of(
              new ObjectBucket(
                  "devices", "STRIDE_DEVICES_BUCKET", "STRIDE_DEVICES_KMS_KEY_ID", "originals/")),
          Optional.of(
              new EnvelopeKey(
                  "tokens",
                  "STRIDE_DEVICES_TOKEN_KEY_ID",
                  List.of("stride:user", "stride:provider"))),
          Optional.of(
              new WorkQueue(
                  "devices-work",
                  "STRIDE_DEVICES_WORK_QUEUE_URL",
                  "STRIDE_DEVICES_WORK_TOPIC",
                  Optional.of(DEVICES_WORKER))),
          DEVICES_SECRETS,
          List.of(DEVICES_ERASER));

  /**
   * The chat channel of social: {@code socialRealtime} of the social jar ({@code
   * SocialAwsApplication.REALTIME}), its connection registry in the social table on AWS ({@code
   * ws#...}/{@code wsg#...} items with {@code expiresAt}) and in two Firestore collections on GCP.
   */
  public static final RealtimeChannel SOCIAL_REALTIME =
      new RealtimeChannel(
          SOCIAL,
          "socialRealtime",
          List.of("realtimeConnections", "realtimeSubscriptions"),
          "expiresAt");

  /** Every capability, profiles first. */
  public static final List<Capability> ALL = List.of(PROFILES, PLANNER, WORKOUTS, SOCIAL, DEVICES);

  static {
    Set<String> names = new HashSet<>();
    ALL.forEach(c -> names.add(c.name()));
    for (Capability capability : ALL) {
      for (TableRead read : capability.reads()) {
        if (!names.contains(read.capability()) || read.capability().equals(capability.name())) {
          throw new IllegalStateException(capability.name() + " reads " + read.capability());
        }
      }
    }
  }

  private Capabilities() {}

  private static List<SecretSetting> devicesSecrets() {
    Map<String, SecretSetting> oauth = new LinkedHashMap<>();
    oauth.put("state", SecretSetting.of("STRIDE_OAUTH_STATE_KEY", true));
    oauth.put("redirect", SecretSetting.of("STRIDE_OAUTH_REDIRECT_URI", true));
    for (String provider : DEVICE_PROVIDERS) {
      for (String kind : List.of("CLIENT_ID", "CLIENT_SECRET")) {
        oauth.put(
            provider + "_" + kind, SecretSetting.of("STRIDE_OAUTH_" + provider + "_" + kind, true));
      }
    }
    List<SecretSetting> all = new ArrayList<>(oauth.values());
    all.add(SecretSetting.of("STRIDE_PROVIDER_SUUNTO_SUBSCRIPTION_KEY", true));
    // The webhooks' own secrets ({@code STRIDE_WEBHOOK_<PROVIDER>_<KIND>}), HTTP function only.
    for (String webhook :
        List.of(
            "POLAR_SIGNING_KEY",
            "SUUNTO_SIGNING_KEY",
            "FITBIT_WEBHOOK_TOKEN",
            "FITBIT_PUBLIC_KEY",
            "STRAVA_VERIFICATION_CODE",
            "STRAVA_SUBSCRIPTION_ID",
            "WAHOO_WEBHOOK_TOKEN",
            "COROS_WEBHOOK_TOKEN")) {
      all.add(SecretSetting.of("STRIDE_WEBHOOK_" + webhook, false));
    }
    for (String shared : List.of("GARMIN_CLIENT_ID", "COROS_CLIENT_ID")) {
      all.add(SecretSetting.sameAs("STRIDE_WEBHOOK_" + shared, oauth.get(shared)));
    }
    return List.copyOf(all);
  }

  /** The capability named {@code name}. */
  public static Capability named(String name) {
    return ALL.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no capability " + name));
  }
}
