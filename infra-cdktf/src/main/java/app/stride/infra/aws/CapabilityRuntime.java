package app.stride.infra.aws;

import static app.stride.infra.aws.FunctionRole.allow;

import app.stride.infra.capability.Capabilities;
import app.stride.infra.capability.Capability;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What every Lambda of one capability in one region runs with, like {@link AuthRuntime} for auth:
 * the environment its {@code ...AwsConfig} reads and the grants to pick from, all naming the
 * region's own resources ({@link RegionStores}).
 */
public final class CapabilityRuntime {

  /** Item-level actions on a capability's own table and indexes; no scans, no transactions. */
  public static final List<String> TABLE_ACTIONS =
      List.of(
          "dynamodb:GetItem",
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
          "dynamodb:Query",
          "dynamodb:ConditionCheckItem");

  /** What an outbox relay does to the items: read, conditional put, conditional delete. */
  public static final List<String> RELAY_ITEM_ACTIONS =
      List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem");

  /** What the worker's event source does with its work queue's messages. */
  public static final List<String> WORK_RECEIVE_ACTIONS =
      List.of(
          "sqs:ReceiveMessage",
          "sqs:DeleteMessage",
          "sqs:ChangeMessageVisibility",
          "sqs:GetQueueAttributes");

  /** The variable carrying the events queue's URL ({@code SqsSettings} in shared-lib). */
  public static final String EVENTS_QUEUE_ENV = "STRIDE_EVENTS_QUEUE_URL";

  private final RegionConfig region;
  private final Capability capability;
  private final RegionStores stores;

  /** The settings of {@code capability}'s functions in {@code region}. */
  public CapabilityRuntime(RegionConfig region, Capability capability, RegionStores stores) {
    this.region = region;
    this.capability = capability;
    this.stores = stores;
  }

  /** The capability. */
  public Capability capability() {
    return capability;
  }

  /** The region. */
  public RegionConfig region() {
    return region;
  }

  /** The region's stores. */
  public RegionStores stores() {
    return stores;
  }

  /** The capability's own table. */
  public CapabilityTable table() {
    return stores.table(capability.name());
  }

  /** The queue its outbox relays to, if it emits events. */
  public Optional<EventsQueue> events() {
    return capability.outbox().map(o -> stores.queue(o.eventsName()));
  }

  /**
   * Region, own table, the tables it reads (each under its owner's variable) and, with an outbox,
   * the events queue.
   */
  public Map<String, String> dataEnvironment(boolean withReads) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("STRIDE_REGION", region.id());
    env.put(capability.tableVariable(), table().name());
    if (withReads) {
      for (Capability.TableRead read : capability.reads()) {
        env.put(
            Capabilities.named(read.capability()).tableVariable(),
            stores.table(read.capability()).name());
      }
    }
    events().ifPresent(queue -> env.put(EVENTS_QUEUE_ENV, queue.url()));
    return env;
  }

  /**
   * What a function of the capability that serves no HTTP (a subscriber, its sweep, the outbox
   * relay) needs for the jar's context to start ({@code <Name>AwsConfig} requires them): {@link
   * #dataEnvironment} without other capabilities' tables, and the names of its bucket and work
   * queue where it has them, though such a function may never touch them: no grant goes with those
   * names.
   */
  public Map<String, String> startEnvironment() {
    Map<String, String> env = dataEnvironment(false);
    capability
        .bucket()
        .ifPresent(spec -> env.put(spec.bucketVariable(), stores.bucket(capability.name()).name()));
    capability
        .workQueue()
        .ifPresent(q -> env.put(q.awsQueueVariable(), stores.queue(q.stem()).url()));
    return env;
  }

  /**
   * What the capability's outbox relay starts with: {@link #startEnvironment}, and the cursor key's
   * ARN when its store is built with it ({@link Capability.Outbox#storeNeedsCursorKey()},
   * workouts'; {@link #relayGrants}).
   */
  public Map<String, String> relayEnvironment() {
    Map<String, String> env = startEnvironment();
    if (relayReadsCursorKey()) {
      env.put(CapabilityLambda.CURSOR_KEY_ARN_ENV, stores.cursorKey().arn());
    }
    return env;
  }

  /**
   * The grants of the capability's outbox relay beyond its item writes and outbox index query:
   * sending to its events queue, its region key and, when its store is built with it, the cursor
   * key.
   */
  public List<DataAwsIamPolicyDocumentStatement> relayGrants() {
    List<DataAwsIamPolicyDocumentStatement> grants = new ArrayList<>();
    grants.add(eventsGrant().orElseThrow());
    grants.add(keyGrant());
    if (relayReadsCursorKey()) {
      grants.add(cursorKeyGrant());
    }
    return grants;
  }

  private boolean relayReadsCursorKey() {
    return capability.outbox().map(Capability.Outbox::storeNeedsCursorKey).orElse(false);
  }

  /** The work queue, if the capability has one. */
  public Optional<EventsQueue> workQueue() {
    return capability.workQueue().map(q -> stores.queue(q.stem()));
  }

  /**
   * The variables of the capability's own bucket ({@code STRIDE_<NAME>_BUCKET} and its key's ARN),
   * envelope key, work queue URL and settings bundle ARN ({@value SettingsBundleSecret#ARN_ENV}),
   * for its HTTP function and worker (the relay needs none).
   */
  public Map<String, String> resourceEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    capability
        .bucket()
        .ifPresent(
            spec -> {
              CapabilityBucket bucket = stores.bucket(capability.name());
              env.put(spec.bucketVariable(), bucket.name());
              env.put(spec.keyVariable(), bucket.keyArn());
            });
    capability
        .envelopeKey()
        .ifPresent(k -> env.put(k.variable(), stores.envelopeKey(capability.name()).arn()));
    capability
        .workQueue()
        .ifPresent(q -> env.put(q.awsQueueVariable(), stores.queue(q.stem()).url()));
    stores
        .settings(capability.name())
        .ifPresent(bundle -> env.put(SettingsBundleSecret.ARN_ENV, bundle.arn()));
    return env;
  }

  /**
   * Object reads and writes in its own bucket (and {@code s3:ListBucket}, so a missing key answers
   * 404, not 403: no bucket settings), use of that bucket's key and of its envelope key (data keys
   * and decryption under its encryption context only), reading its settings bundle: each on exactly
   * that resource.
   */
  public List<DataAwsIamPolicyDocumentStatement> resourceGrants() {
    List<DataAwsIamPolicyDocumentStatement> grants = new ArrayList<>();
    String stem = pascal(capability.name());
    capability
        .bucket()
        .ifPresent(
            spec -> {
              CapabilityBucket bucket = stores.bucket(capability.name());
              grants.add(
                  allow(stem + "Objects", CapabilityBucket.OBJECT_ACTIONS, bucket.objectsArn()));
              // Without it S3 answers 403 for a missing key: an upload not made yet must be 404.
              grants.add(allow(stem + "Keys", CapabilityBucket.BUCKET_ACTIONS, bucket.arn()));
              grants.add(allow(stem + "ObjectsKey", RegionKey.USE_ACTIONS, bucket.keyArn()));
            });
    capability
        .envelopeKey()
        .ifPresent(
            k ->
                grants.add(
                    DataAwsIamPolicyDocumentStatement.builder()
                        .sid(stem + pascal(k.stem()) + "Key")
                        .effect("Allow")
                        .actions(RegionKey.ENVELOPE_ACTIONS)
                        .resources(List.of(stores.envelopeKey(capability.name()).arn()))
                        .condition(RegionKey.encryptionContextConditions(k.contextKeys()))
                        .build()));
    stores.settings(capability.name()).ifPresent(bundle -> grants.add(bundle.readGrant()));
    return grants;
  }

  /** Sending to its work queue, if it has one: the HTTP function's only queue right. */
  public Optional<DataAwsIamPolicyDocumentStatement> workSendGrant() {
    return workQueue()
        .map(
            q ->
                allow(
                    pascal(capability.workQueue().orElseThrow().stem()) + "Send",
                    List.of("sqs:SendMessage"),
                    q.arn()));
  }

  /** What the worker's event source needs on the work queue: receive, delete, extend, inspect. */
  public Optional<DataAwsIamPolicyDocumentStatement> workReceiveGrant() {
    return workQueue()
        .map(
            q ->
                allow(
                    pascal(capability.workQueue().orElseThrow().stem()) + "Receive",
                    WORK_RECEIVE_ACTIONS,
                    q.arn()));
  }

  /** {@link #TABLE_ACTIONS} on the own table and its indexes. */
  public DataAwsIamPolicyDocumentStatement tableGrant() {
    CapabilityTable table = table();
    return allow(
        pascal(capability.name()) + "Table",
        TABLE_ACTIONS,
        table.tableAndIndexArns().toArray(String[]::new));
  }

  /**
   * Exactly the listed read actions on each table it reads: the table itself only, and its indexes
   * too for a {@code dynamodb:Query} (a query of an index is authorised on the index's ARN).
   */
  public List<DataAwsIamPolicyDocumentStatement> readGrants() {
    List<DataAwsIamPolicyDocumentStatement> grants = new ArrayList<>();
    for (Capability.TableRead read : capability.reads()) {
      CapabilityTable table = stores.table(read.capability());
      grants.add(
          allow(
              "Read" + pascal(read.capability()) + "Table",
              read.actions(),
              read.actions().contains("dynamodb:Query")
                  ? table.tableAndIndexArns().toArray(String[]::new)
                  : new String[] {table.arn()}));
    }
    return grants;
  }

  /** Sending to its events queue, if it emits events. */
  public Optional<DataAwsIamPolicyDocumentStatement> eventsGrant() {
    return capability
        .outbox()
        .map(
            o ->
                allow(
                    pascal(o.eventsName()),
                    List.of("sqs:SendMessage"),
                    stores.queue(o.eventsName()).arn()));
  }

  /** Using the region's key: tables, queues and secrets are encrypted with it. */
  public DataAwsIamPolicyDocumentStatement keyGrant() {
    return allow("RegionKey", List.of("kms:Decrypt", "kms:GenerateDataKey"), stores.key().arn());
  }

  /** Reading the region's listing-cursor key. */
  public DataAwsIamPolicyDocumentStatement cursorKeyGrant() {
    return allow("CursorKey", List.of("secretsmanager:GetSecretValue"), stores.cursorKey().arn());
  }

  /** {@code profile-events} to {@code ProfileEvents}: an IAM statement id. */
  static String pascal(String name) {
    StringBuilder out = new StringBuilder();
    for (String part : name.split("-")) {
      out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
    }
    return out.toString();
  }
}
