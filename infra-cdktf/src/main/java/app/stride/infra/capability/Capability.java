package app.stride.infra.capability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One HTTP capability as the stacks deploy it in every region: one function per cloud serving the
 * spec's operations whose {@code x-stride-function} is {@link #name()}, over its own table or
 * database.
 *
 * @param name the capability, its {@code x-stride-function} and the stem of every name ({@code
 *     stride-<name>-<regionId>}: table, function, role, service account)
 * @param tableVariable the variable naming its DynamoDB table ({@code STRIDE_<NAME>_TABLE})
 * @param awsMainClass the Lambda jar's {@code MAIN_CLASS}
 * @param httpDefinition the Spring Cloud Function bean serving HTTP ({@code <name>Http})
 * @param gcpEntryPoint the Functions Framework target of the Cloud Function
 * @param table its DynamoDB key schema
 * @param reads other capabilities' tables of the same region it may read, and how
 * @param outbox its event outbox, if it emits events
 * @param firestoreIndexes the composite indexes its Firestore queries need
 * @param bucket its object store in the region, if it keeps files
 * @param envelopeKey its own encryption key for secrets it stores (envelope encryption), if any
 * @param workQueue its work queue and, once it exists, the worker draining it, if it defers work
 * @param secrets settings its functions read from the environment whose values live in the region's
 *     secret store
 * @param subscribers its functions consuming events other capabilities publish in the region
 */
public record Capability(
    String name,
    String tableVariable,
    String awsMainClass,
    String httpDefinition,
    String gcpEntryPoint,
    TableSchema table,
    List<TableRead> reads,
    Optional<Outbox> outbox,
    List<FirestoreIndexSpec> firestoreIndexes,
    Optional<ObjectBucket> bucket,
    Optional<EnvelopeKey> envelopeKey,
    Optional<WorkQueue> workQueue,
    List<SecretSetting> secrets,
    List<Subscriber> subscribers) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{1,15}");

  /**
   * Read-only access to another capability's table in the same region.
   *
   * @param capability the capability owning the table
   * @param actions the DynamoDB read actions, e.g. {@code dynamodb:GetItem}
   */
  public record TableRead(String capability, List<String> actions) {

    /** Only read actions are allowed: a capability never writes another's table. */
    public TableRead {
      actions = List.copyOf(actions);
      for (String action : actions) {
        if (!List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query")
            .contains(action)) {
          throw new IllegalArgumentException("not a read action: " + action);
        }
      }
    }

    /** Reading single items of {@code capability}'s table by key. */
    public static TableRead getItem(String capability) {
      return new TableRead(capability, List.of("dynamodb:GetItem"));
    }
  }

  /**
   * Events written to the table with the change and relayed on a schedule (DESIGN.md section 5):
   * every minute a relay of the capability's own jar or zip publishes what a failed publish left
   * pending, on both clouds.
   *
   * @param eventsName the stem of the events queue or topic ({@code stride-<eventsName>-<id>})
   * @param relayDefinition the bean of the same jar that relays pending events (AWS, taking
   *     EventBridge Scheduler ticks)
   * @param gcpEntryPoint the Functions Framework target of the relay Cloud Function, taking a Cloud
   *     Scheduler tick (a CloudEvent of its schedule's topic)
   * @param index the sparse global index of items with pending events
   * @param storeNeedsCursorKey whether the capability's store is built with the region's cursor key
   *     (a store that lists pages signs its cursors: workouts'): its relay then reads that secret
   *     too, on both clouds, and otherwise not
   */
  public record Outbox(
      String eventsName,
      String relayDefinition,
      String gcpEntryPoint,
      String index,
      boolean storeNeedsCursorKey) {

    /** Every part is required. */
    public Outbox {
      Objects.requireNonNull(eventsName, "eventsName");
      Objects.requireNonNull(relayDefinition, "relayDefinition");
      Objects.requireNonNull(gcpEntryPoint, "gcpEntryPoint");
      Objects.requireNonNull(index, "index");
    }
  }

  /**
   * A private object store per region (S3 / Cloud Storage), encrypted with its own customer-managed
   * key, versioned, with a lifecycle that moves {@link #archivePrefix()} to colder storage classes.
   *
   * @param stem the stem of the bucket's and key's names ({@code stride-<stem>-<regionId>...})
   * @param bucketVariable the variable naming the bucket
   * @param keyVariable the variable naming the bucket's KMS key (AWS: the key's ARN, passed as the
   *     SSE-KMS key id; GCP: the bucket's default key applies by itself, so it is not set)
   * @param archivePrefix objects under this prefix (e.g. {@code originals/}) age to colder classes
   */
  public record ObjectBucket(
      String stem, String bucketVariable, String keyVariable, String archivePrefix) {

    /** The archive prefix is a folder: it ends in {@code /}. */
    public ObjectBucket {
      Objects.requireNonNull(stem, "stem");
      if (!archivePrefix.endsWith("/") || archivePrefix.startsWith("/")) {
        throw new IllegalArgumentException("archive prefix must be like 'originals/'");
      }
    }
  }

  /**
   * A customer-managed key per region with which the capability encrypts secrets it stores (e.g.
   * OAuth tokens), usable by the capability's functions only. On AWS a function may only generate
   * data keys and decrypt them, and only under an encryption context of exactly {@link
   * #contextKeys()} (each present, no other), so a sealed value is bound to whose it is.
   *
   * @param stem the stem of the key's name ({@code stride-<capability>-<stem>-<regionId>})
   * @param variable the variable naming the key (AWS: its ARN; GCP: its crypto key id)
   * @param contextKeys the encryption context keys every use of the key carries
   */
  public record EnvelopeKey(String stem, String variable, List<String> contextKeys) {

    /** Requires at least one context key. */
    public EnvelopeKey {
      contextKeys = List.copyOf(contextKeys);
      if (contextKeys.isEmpty()) {
        throw new IllegalArgumentException("an envelope key needs an encryption context");
      }
    }
  }

  /**
   * Deferred work: a queue (SQS with a dead-letter queue / Pub/Sub topic with a dead-letter topic)
   * the HTTP function may only send to, kept {@value #RETENTION_DAYS} days, drained by a worker
   * function of the same jar once the capability declares one. Without a worker nothing consumes
   * it: messages wait in the queue (on GCP in a pulled subscription) until a worker arrives or they
   * expire.
   *
   * @param stem the queue's or topic's stem ({@code stride-<stem>-<regionId>})
   * @param awsQueueVariable the variable carrying the SQS queue URL
   * @param gcpTopicVariable the variable carrying the Pub/Sub topic id
   * @param worker the function draining the queue, if it exists yet
   */
  public record WorkQueue(
      String stem, String awsQueueVariable, String gcpTopicVariable, Optional<Worker> worker) {

    /** Days a message waits in a work queue (SQS's maximum). */
    public static final int RETENTION_DAYS = 14;

    /**
     * The time limit a consumer is assumed to have while there is no worker: the queue's visibility
     * timeout derives from it, and it is the Lambda and Cloud Functions default.
     */
    public static final int DEFAULT_CONSUMER_TIMEOUT_SECONDS = 60;

    /** Requires a stem and a worker option, which is empty while nothing drains the queue. */
    public WorkQueue {
      Objects.requireNonNull(stem, "stem");
      Objects.requireNonNull(worker, "worker");
    }

    /** A work queue nothing drains yet. */
    public static WorkQueue withoutWorker(
        String stem, String awsQueueVariable, String gcpTopicVariable) {
      return new WorkQueue(stem, awsQueueVariable, gcpTopicVariable, Optional.empty());
    }

    /**
     * The time one delivery may take: the worker's timeout, or {@value
     * #DEFAULT_CONSUMER_TIMEOUT_SECONDS} s without a worker.
     */
    public int consumerTimeoutSeconds() {
      return worker.map(Worker::timeoutSeconds).orElse(DEFAULT_CONSUMER_TIMEOUT_SECONDS);
    }
  }

  /**
   * The function draining a {@link WorkQueue}: a bean of the capability's jar and zip.
   *
   * @param definition the Spring Cloud Function bean of the worker
   * @param gcpEntryPoint the Functions Framework target of the worker Cloud Function
   * @param timeoutSeconds the worker's time limit for one batch or message
   * @param memoryMb the worker's memory (Lambda; on Cloud Functions as MiB, one vCPU)
   * @param regionShareVariables variables that tell the worker its region's share of a limit every
   *     region draws on at once (a provider application's rate limits, the same application in
   *     every region): each gets the region's share, one over the number of regions ({@code
   *     EnvConfig.regionShare()})
   */
  public record Worker(
      String definition,
      String gcpEntryPoint,
      int timeoutSeconds,
      int memoryMb,
      List<String> regionShareVariables) {

    /** The memory of a worker that does not say. */
    public static final int DEFAULT_MEMORY_MB = 1024;

    private static final Pattern VARIABLE = Pattern.compile("STRIDE_[A-Z0-9_]+");

    /**
     * Lambda and Cloud Functions allow up to 900 s and 540 s; a worker needs some seconds. One vCPU
     * on Cloud Functions takes at most 4 GiB.
     */
    public Worker {
      Objects.requireNonNull(definition, "definition");
      Objects.requireNonNull(gcpEntryPoint, "gcpEntryPoint");
      if (timeoutSeconds < 10 || timeoutSeconds > 540) {
        throw new IllegalArgumentException("worker timeout must be 10..540 s");
      }
      if (memoryMb < 512 || memoryMb > 4096) {
        throw new IllegalArgumentException("worker memory must be 512..4096 MB");
      }
      regionShareVariables = List.copyOf(regionShareVariables);
      for (String variable : regionShareVariables) {
        if (!VARIABLE.matcher(variable).matches()) {
          throw new IllegalArgumentException("not a share variable: " + variable);
        }
      }
    }

    /** A worker with {@code memoryMb} and no share of a limit. */
    public Worker(String definition, String gcpEntryPoint, int timeoutSeconds, int memoryMb) {
      this(definition, gcpEntryPoint, timeoutSeconds, memoryMb, List.of());
    }

    /** A worker with {@value #DEFAULT_MEMORY_MB} MB. */
    public Worker(String definition, String gcpEntryPoint, int timeoutSeconds) {
      this(definition, gcpEntryPoint, timeoutSeconds, DEFAULT_MEMORY_MB);
    }

    /** Each of {@link #regionShareVariables()} set to {@code regionShare}, in order. */
    public Map<String, String> regionShareEnvironment(String regionShare) {
      Objects.requireNonNull(regionShare, "regionShare");
      Map<String, String> env = new LinkedHashMap<>();
      regionShareVariables.forEach(variable -> env.put(variable, regionShare));
      return env;
    }
  }

  /**
   * A setting a capability's functions read from one environment variable whose value is a secret
   * (an OAuth client secret, a webhook signing key) or is set per region out of band (a client id):
   * kept in the region's secret store, never in the Terraform JSON or state. Infra declares the
   * secret without a value; it is added once per region.
   *
   * <p>On GCP one Secret Manager secret per {@code secret} stem, as references ({@code
   * CapabilitySecrets}). On AWS one {@code <NAME>_ARN} variable per setting would overrun Lambda's
   * 4 KB environment and cost a Secrets Manager call each at cold start, so all of a capability's
   * settings are members of one JSON secret per region ({@code aws.SettingsBundleSecret}), passed
   * as {@code STRIDE_SECRETS_BUNDLE_ARN}; there the worker can read the HTTP function's settings
   * too.
   *
   * @param variable the variable the functions read, e.g. {@code STRIDE_OAUTH_STRAVA_CLIENT_SECRET}
   * @param secret the secret's stem ({@code stride-<capability>-<secret>-<regionId>}); variables
   *     carrying the same value (a client id a webhook checks too) share one secret
   * @param worker whether the worker reads it too; the HTTP function reads every one
   */
  public record SecretSetting(String variable, String secret, boolean worker) {

    private static final Pattern VARIABLE = Pattern.compile("STRIDE_[A-Z0-9_]+");
    private static final Pattern STEM = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Requires a {@code STRIDE_} variable and a lower-case, dash-separated stem. */
    public SecretSetting {
      if (!VARIABLE.matcher(variable).matches() || variable.endsWith("_ARN")) {
        throw new IllegalArgumentException("not a secret setting variable: " + variable);
      }
      if (!STEM.matcher(secret).matches()) {
        throw new IllegalArgumentException("not a secret stem: " + secret);
      }
    }

    /**
     * {@code variable} in a secret of its own, named after it: {@code STRIDE_OAUTH_STATE_KEY} is
     * {@code oauth-state-key}.
     */
    public static SecretSetting of(String variable, boolean worker) {
      return new SecretSetting(variable, stem(variable), worker);
    }

    /** {@code variable}, read by the HTTP function only, carrying the value of {@code shared}. */
    public static SecretSetting sameAs(String variable, SecretSetting shared) {
      return new SecretSetting(variable, shared.secret(), false);
    }

    private static String stem(String variable) {
      return variable.substring("STRIDE_".length()).toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * A function of the capability consuming one type of event another capability publishes to the
   * region's events queue or topic, e.g. the data eraser taking {@code app.stride.user.v1.deleted}
   * from {@code profile-events}. It gets only that type: on AWS the events queue is fanned out
   * through an SNS topic to one SQS queue per subscriber whose subscription filters on the event
   * body's {@code type}; on GCP the subscriber's push subscription of the events topic filters on
   * the {@code ce-type} attribute. Both have a dead-letter queue or topic; a delivery that fails is
   * retried, then dead-lettered.
   *
   * @param stem the function's stem ({@code stride-<name>-<stem>-<regionId>}), e.g. {@code eraser}
   * @param events the stem of the events queue or topic it subscribes to, e.g. {@code
   *     profile-events}
   * @param eventType the CloudEvent type it takes
   * @param definition the Spring Cloud Function bean of the AWS jar taking SQS batches
   * @param gcpEntryPoint the Functions Framework target taking one Pub/Sub push
   * @param timeoutSeconds its time limit for one batch or message
   * @param memoryMb its memory (Lambda; on Cloud Functions as MiB, one vCPU)
   * @param sweep its scheduled follow-up, if a late write can land after it ran
   */
  public record Subscriber(
      String stem,
      String events,
      String eventType,
      String definition,
      String gcpEntryPoint,
      int timeoutSeconds,
      int memoryMb,
      Optional<Sweep> sweep) {

    private static final Pattern STEM = Pattern.compile("[a-z]{2,8}");
    private static final Pattern TYPE = Pattern.compile("app\\.stride\\.[a-z]+\\.v[0-9]+\\.[a-z]+");

    /** A short lower-case stem, a Stride event type, and the same bounds as a {@link Worker}. */
    public Subscriber {
      Objects.requireNonNull(events, "events");
      Objects.requireNonNull(definition, "definition");
      Objects.requireNonNull(gcpEntryPoint, "gcpEntryPoint");
      if (!STEM.matcher(stem).matches() || stem.equals("worker") || stem.equals("realtime")) {
        throw new IllegalArgumentException("not a subscriber stem: " + stem);
      }
      if (!TYPE.matcher(eventType).matches()) {
        throw new IllegalArgumentException("not a Stride event type: " + eventType);
      }
      if (timeoutSeconds < 10 || timeoutSeconds > 540) {
        throw new IllegalArgumentException("subscriber timeout must be 10..540 s");
      }
      if (memoryMb < 512 || memoryMb > 4096) {
        throw new IllegalArgumentException("subscriber memory must be 512..4096 MB");
      }
      Objects.requireNonNull(sweep, "sweep");
    }

    /** A subscriber without a follow-up sweep. */
    public Subscriber(
        String stem,
        String events,
        String eventType,
        String definition,
        String gcpEntryPoint,
        int timeoutSeconds,
        int memoryMb) {
      this(
          stem,
          events,
          eventType,
          definition,
          gcpEntryPoint,
          timeoutSeconds,
          memoryMb,
          Optional.empty());
    }

    /**
     * Its follow-up sweep, which the caller requires.
     *
     * @throws IllegalArgumentException when it has none
     */
    public Sweep requiredSweep() {
      return sweep.orElseThrow(() -> new IllegalArgumentException(stem + " has no sweep"));
    }
  }

  /**
   * The scheduled follow-up of a {@link Subscriber} (so far only the devices data eraser's): a
   * function of the same jar and zip that runs the subscriber's removal steps again for the
   * accounts it handled lately, catching writes that landed after it ran (a request whose own
   * cleanup failed, an upload through a URL signed before the erasure). It touches the stores as
   * the subscriber does, with its time limit and memory, plus one read: listing those accounts, on
   * AWS from the sparse global index {@link #awsIndex()} of the capability's table (on GCP from a
   * Firestore collection by a single field, an automatic index). Each tick redoes the same
   * idempotent work, so a failed tick is not retried and one runs at a time.
   *
   * @param definition the Spring Cloud Function bean of the AWS jar taking EventBridge Scheduler
   *     ticks
   * @param gcpEntryPoint the Functions Framework target taking a Cloud Scheduler tick (a CloudEvent
   *     of its schedule's topic)
   * @param scheduleName the schedule's name, which the tick carries: the EventBridge Scheduler
   *     schedule in the region's group, the {@code schedule} attribute of the Cloud Scheduler
   *     message
   * @param everyMinutes how often it runs, in minutes: a divisor of 60 below 60, so that the GCP
   *     cron {@code *}{@code /n} ticks as evenly as the AWS rate
   * @param awsIndex the global index of the capability's table it queries (AWS)
   */
  public record Sweep(
      String definition,
      String gcpEntryPoint,
      String scheduleName,
      int everyMinutes,
      String awsIndex) {

    private static final Pattern SCHEDULE_NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /**
     * A schedule name EventBridge Scheduler and a message attribute take (lower case, dashes, at
     * most 64 characters) and an interval both clouds express alike.
     */
    public Sweep {
      Objects.requireNonNull(definition, "definition");
      Objects.requireNonNull(gcpEntryPoint, "gcpEntryPoint");
      Objects.requireNonNull(awsIndex, "awsIndex");
      if (!SCHEDULE_NAME.matcher(scheduleName).matches() || scheduleName.length() > 64) {
        throw new IllegalArgumentException("not a schedule name: " + scheduleName);
      }
      if (everyMinutes < 1 || everyMinutes >= 60 || 60 % everyMinutes != 0) {
        throw new IllegalArgumentException(
            "a sweep runs every n minutes, n a divisor of 60 below 60: " + everyMinutes);
      }
    }

    /** The EventBridge Scheduler expression, e.g. {@code rate(15 minutes)}. */
    public String awsRate() {
      return "rate(" + everyMinutes + (everyMinutes == 1 ? " minute)" : " minutes)");
    }

    /** The Cloud Scheduler cron (UTC), e.g. {@code *}{@code /15 * * * *}. */
    public String gcpCron() {
      return (everyMinutes == 1 ? "*" : "*/" + everyMinutes) + " * * * *";
    }
  }

  /** A capability without bucket, envelope key, work queue, secret settings or subscribers. */
  public Capability(
      String name,
      String tableVariable,
      String awsMainClass,
      String httpDefinition,
      String gcpEntryPoint,
      TableSchema table,
      List<TableRead> reads,
      Optional<Outbox> outbox,
      List<FirestoreIndexSpec> firestoreIndexes) {
    this(
        name,
        tableVariable,
        awsMainClass,
        httpDefinition,
        gcpEntryPoint,
        table,
        reads,
        outbox,
        firestoreIndexes,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        List.of());
  }

  /**
   * Validates the name and that the outbox's index and every subscriber sweep's index are global
   * indexes of the table.
   */
  public Capability {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("capability name must match " + NAME + ": " + name);
    }
    reads = List.copyOf(reads);
    firestoreIndexes = List.copyOf(firestoreIndexes);
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(envelopeKey, "envelopeKey");
    Objects.requireNonNull(workQueue, "workQueue");
    secrets = List.copyOf(secrets);
    subscribers = List.copyOf(subscribers);
    if (subscribers.stream().map(Subscriber::stem).distinct().count() != subscribers.size()) {
      throw new IllegalArgumentException(name + " declares a subscriber stem twice");
    }
    if (secrets.stream().map(SecretSetting::variable).distinct().count() != secrets.size()) {
      throw new IllegalArgumentException(name + " declares a secret setting twice");
    }
    if (secrets.stream().anyMatch(SecretSetting::worker)
        && workQueue.flatMap(WorkQueue::worker).isEmpty()) {
      throw new IllegalArgumentException(name + " has worker secrets but no worker");
    }
    outbox.ifPresent(
        o -> {
          if (!table.hasGlobalIndex(o.index())) {
            throw new IllegalArgumentException(name + " outbox index is not in its table");
          }
        });
    for (Subscriber subscriber : subscribers) {
      subscriber
          .sweep()
          .ifPresent(
              s -> {
                if (!table.hasGlobalIndex(s.awsIndex())) {
                  throw new IllegalArgumentException(
                      name + " " + subscriber.stem() + " sweep index is not in its table");
                }
              });
    }
  }

  /** This capability with {@code subscriber} added to its subscribers. */
  public Capability withSubscriber(Subscriber subscriber) {
    List<Subscriber> more = new ArrayList<>(subscribers);
    more.add(subscriber);
    return new Capability(
        name,
        tableVariable,
        awsMainClass,
        httpDefinition,
        gcpEntryPoint,
        table,
        reads,
        outbox,
        firestoreIndexes,
        bucket,
        envelopeKey,
        workQueue,
        secrets,
        more);
  }

  /** The worker draining its work queue, if it has a queue and a worker for it. */
  public Optional<Worker> worker() {
    return workQueue.flatMap(WorkQueue::worker);
  }

  /** The secret settings its worker reads (its HTTP function reads all of {@link #secrets()}). */
  public List<SecretSetting> workerSecrets() {
    return secrets.stream().filter(SecretSetting::worker).toList();
  }
}
