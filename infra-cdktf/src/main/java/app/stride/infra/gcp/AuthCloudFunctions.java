package app.stride.infra.gcp;

import app.stride.infra.BuiltArtifact;
import app.stride.infra.FunctionLimits;
import app.stride.infra.config.AuthConfig;
import app.stride.infra.config.AuthFunctionConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.google.cloud_run_v2_service_iam_member.CloudRunV2ServiceIamMember;
import com.hashicorp.cdktf.providers.google.cloudfunctions2_function.Cloudfunctions2Function;
import com.hashicorp.cdktf.providers.google.cloudfunctions2_function.Cloudfunctions2FunctionBuildConfig;
import com.hashicorp.cdktf.providers.google.cloudfunctions2_function.Cloudfunctions2FunctionBuildConfigSource;
import com.hashicorp.cdktf.providers.google.cloudfunctions2_function.Cloudfunctions2FunctionBuildConfigSourceStorageSource;
import com.hashicorp.cdktf.providers.google.cloudfunctions2_function.Cloudfunctions2FunctionEventTrigger;
import com.hashicorp.cdktf.providers.google.cloudfunctions2_function.Cloudfunctions2FunctionServiceConfig;
import com.hashicorp.cdktf.providers.google.cloudfunctions2_function.Cloudfunctions2FunctionServiceConfigSecretEnvironmentVariables;
import com.hashicorp.cdktf.providers.google.service_account.ServiceAccount;
import com.hashicorp.cdktf.providers.google.storage_bucket_object.StorageBucketObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The auth functions of one GCP region, Cloud Functions (2nd gen) from one source zip:
 *
 * <ul>
 *   <li>{@code stride-auth-<id>} ({@value #HTTP_ENTRY_POINT}): the HTTPS function, public like the
 *       profiles function (the edge layer inside verifies tokens where the spec asks for one), 1
 *       GiB and one vCPU per instance (Argon2id: about 19 MiB and a full core per hash), one
 *       request per instance, no minimum instances, at most {@code maxConcurrency} instances;
 *   <li>{@code stride-auth-key-rotation-<id>} ({@value #KEY_ROTATION_ENTRY_POINT}) hourly and
 *       {@code stride-auth-deletion-relay-<id>} ({@value #DELETION_RELAY_ENTRY_POINT}) every five
 *       minutes, each triggered by its Cloud Scheduler job's topic and invoked by the trigger
 *       account {@code stride-auth-ticks-<id>}, which may invoke only these two.
 * </ul>
 *
 * All three run as the auth service account with the same settings (one wiring in code); mail goes
 * through the configured SMTP relay with STARTTLS; secrets are Secret Manager references only. The
 * HTTP function alone reaches the region's Redis (its login throttle, {@link RedisAccess}): through
 * the VPC connector, with the Redis variables and the AUTH string as a secret reference.
 */
public final class AuthCloudFunctions extends Construct {

  /** The Functions Framework target of the HTTP function. */
  public static final String HTTP_ENTRY_POINT = "app.stride.auth.gcp.AuthHttpFunction";

  /** The target of the key rotation. */
  public static final String KEY_ROTATION_ENTRY_POINT =
      "app.stride.auth.gcp.AuthKeyRotationFunction";

  /** The target of the deletion relay. */
  public static final String DELETION_RELAY_ENTRY_POINT =
      "app.stride.auth.gcp.AuthDeletionRelayFunction";

  /** Cron of the key rotation: every hour, well within the key's publish-ahead time. */
  public static final String KEY_ROTATION_CRON = "0 * * * *";

  /** Cron of the deletion relay: every five minutes. */
  public static final String DELETION_RELAY_CRON = "*/5 * * * *";

  /** The event a Pub/Sub-triggered function receives. */
  public static final String MESSAGE_PUBLISHED = "google.cloud.pubsub.topic.v1.messagePublished";

  private static final int HTTP_TIMEOUT_SECONDS = 15;
  private static final int SCHEDULE_TIMEOUT_SECONDS = 60;

  private final Settings settings;
  private final Cloudfunctions2Function http;

  /** What every auth function of the region is built from and runs with. */
  private record Settings(
      RegionConfig region,
      AuthConfig auth,
      AuthFunctionConfig functions,
      String bucket,
      String object,
      FirestoreStore store,
      EventsTopic events,
      AuthFunctionSecrets secrets,
      AuthFunctionIdentity identity,
      String edgeAddress,
      RedisAccess redis) {}

  /**
   * Uploads the zip to the region's source bucket and creates the functions and schedules, the HTTP
   * function reaching the region's Redis through {@code redis}.
   */
  public AuthCloudFunctions(
      Construct scope,
      String id,
      RegionConfig region,
      AuthConfig auth,
      AuthFunctionConfig functions,
      BuiltArtifact sourceZip,
      String sourceBucket,
      FirestoreStore store,
      EventsTopic events,
      AuthFunctionSecrets secrets,
      AuthFunctionIdentity identity,
      String edgeAddress,
      RedisAccess redis) {
    super(scope, id);
    // A content-addressed object name makes a new build redeploy the functions.
    String objectName =
        sourceZip
            .sha256Base64()
            .map(hash -> "auth-" + urlSafe(hash) + ".zip")
            .orElse(sourceZip.fileName());
    StorageBucketObject source =
        StorageBucketObject.Builder.create(this, "source")
            .bucket(sourceBucket)
            .name(objectName)
            .source(sourceZip.path())
            .build();
    settings =
        new Settings(
            region,
            auth,
            functions,
            sourceBucket,
            source.getName(),
            store,
            events,
            secrets,
            identity,
            edgeAddress,
            redis);
    http =
        Cloudfunctions2Function.Builder.create(this, "http")
            .project(region.gcpProject())
            .location(region.location())
            .name(region.authFunctionName())
            .buildConfig(buildConfig(HTTP_ENTRY_POINT))
            .serviceConfig(
                Cloudfunctions2FunctionServiceConfig.builder()
                    .availableMemory("1Gi")
                    .availableCpu("1")
                    .maxInstanceRequestConcurrency(FunctionLimits.AUTH_REQUESTS_PER_INSTANCE)
                    .minInstanceCount(0)
                    .maxInstanceCount(functions.maxConcurrency())
                    .timeoutSeconds(HTTP_TIMEOUT_SECONDS)
                    .ingressSettings("ALLOW_ALL")
                    .allTrafficOnLatestRevision(true)
                    .serviceAccountEmail(identity.email())
                    .environmentVariables(environment(true))
                    .secretEnvironmentVariables(secretReferences(true))
                    .vpcConnector(redis.connectorId())
                    .vpcConnectorEgressSettings(RedisAccess.EGRESS)
                    .build())
            // The first deploy must not start an instance before it may read the AUTH secret.
            .dependsOn(redis.ready())
            .build();
    CloudRunV2ServiceIamMember.Builder.create(this, "public_invoker")
        .project(region.gcpProject())
        .location(region.location())
        .name(http.getServiceConfig().getService())
        .role("roles/run.invoker")
        .member("allUsers")
        .build();
    ServiceAccount ticks =
        ServiceAccount.Builder.create(this, "ticks")
            .project(region.gcpProject())
            .accountId("stride-auth-ticks-" + region.id())
            .displayName("Stride auth schedule triggers (" + region.id() + ")")
            .build();
    scheduled(
        "key_rotation",
        region.authKeyRotationFunctionName(),
        KEY_ROTATION_ENTRY_POINT,
        "auth-key-rotation",
        KEY_ROTATION_CRON,
        "Advances the signing-key rotation of " + region.id(),
        ticks);
    scheduled(
        "deletion_relay",
        region.authDeletionRelayFunctionName(),
        DELETION_RELAY_ENTRY_POINT,
        "auth-deletion-relay",
        DELETION_RELAY_CRON,
        "Relays pending account-deletion events of " + region.id(),
        ticks);
  }

  /** A function run by its own schedule's topic, invocable only by the trigger account. */
  private void scheduled(
      String id,
      String name,
      String entryPoint,
      String scheduleName,
      String cron,
      String description,
      ServiceAccount ticks) {
    RegionConfig region = settings.region();
    CloudSchedule schedule =
        new CloudSchedule(this, id + "_schedule", region, name, scheduleName, cron, description);
    Cloudfunctions2Function function =
        Cloudfunctions2Function.Builder.create(this, id)
            .project(region.gcpProject())
            .location(region.location())
            .name(name)
            .buildConfig(buildConfig(entryPoint))
            .serviceConfig(
                Cloudfunctions2FunctionServiceConfig.builder()
                    .availableMemory("1Gi")
                    .minInstanceCount(0)
                    .maxInstanceCount(FunctionLimits.SCHEDULED)
                    .timeoutSeconds(SCHEDULE_TIMEOUT_SECONDS)
                    .ingressSettings("ALLOW_INTERNAL_ONLY")
                    .allTrafficOnLatestRevision(true)
                    .serviceAccountEmail(settings.identity().email())
                    .environmentVariables(environment(false))
                    .secretEnvironmentVariables(secretReferences(false))
                    .build())
            .eventTrigger(
                Cloudfunctions2FunctionEventTrigger.builder()
                    .triggerRegion(region.location())
                    .eventType(MESSAGE_PUBLISHED)
                    .pubsubTopic(schedule.topicId())
                    .retryPolicy("RETRY_POLICY_DO_NOT_RETRY")
                    .serviceAccountEmail(ticks.getEmail())
                    .build())
            .build();
    CloudRunV2ServiceIamMember.Builder.create(this, id + "_invoker")
        .project(region.gcpProject())
        .location(region.location())
        .name(function.getServiceConfig().getService())
        .role("roles/run.invoker")
        .member(ticks.getMember())
        .build();
  }

  private Cloudfunctions2FunctionBuildConfig buildConfig(String entryPoint) {
    return Cloudfunctions2FunctionBuildConfig.builder()
        .runtime("java17")
        .entryPoint(entryPoint)
        .source(
            Cloudfunctions2FunctionBuildConfigSource.builder()
                .storageSource(
                    Cloudfunctions2FunctionBuildConfigSourceStorageSource.builder()
                        .bucket(settings.bucket())
                        .object(settings.object())
                        .build())
                .build())
        .build();
  }

  /**
   * Region, store, events topic, token settings, mail relay and directory. {@code http} adds {@code
   * STRIDE_JWKS_URL}, read only by the HTTP function's token verifier, and the Redis variables.
   */
  private Map<String, String> environment(boolean http) {
    AuthFunctionConfig functions = settings.functions();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("STRIDE_REGION", settings.region().id());
    env.put("STRIDE_FIRESTORE_PROJECT", settings.region().gcpProject());
    env.put("STRIDE_FIRESTORE_DATABASE", settings.store().name());
    env.put("STRIDE_EVENTS_TOPIC", settings.events().id());
    env.put("STRIDE_JWT_ISSUER", settings.auth().jwtIssuer());
    env.put("STRIDE_JWT_AUDIENCE", settings.auth().functionAudience());
    if (http) {
      env.put("STRIDE_JWKS_URL", settings.auth().jwksUrl());
      env.put("STRIDE_LB_ADDRESS", settings.edgeAddress());
    }
    env.put("STRIDE_PUBLIC_URL", functions.publicUrl());
    env.put("STRIDE_DIRECTORY_URL", functions.directoryUrl());
    env.put("STRIDE_MAIL_FROM", functions.mailFrom());
    env.put("STRIDE_SMTP_HOST", functions.smtpHost());
    env.put("STRIDE_SMTP_PORT", Integer.toString(functions.smtpPort()));
    env.put("STRIDE_SMTP_STARTTLS", "true");
    env.put("STRIDE_SMTP_USERNAME", functions.smtpUsername());
    if (!functions.googleClientIds().isEmpty()) {
      env.put("STRIDE_GOOGLE_CLIENT_IDS", String.join(",", functions.googleClientIds()));
    }
    if (!functions.appleClientIds().isEmpty()) {
      env.put("STRIDE_APPLE_CLIENT_IDS", String.join(",", functions.appleClientIds()));
    }
    env.put(CloudMonitoringWriter.METRICS_ENV, CloudMonitoringWriter.METRICS);
    env.put(CloudMonitoringWriter.PROJECT_ENV, settings.region().gcpProject());
    env.put("JAVA_TOOL_OPTIONS", CapabilityCloudFunction.JAVA_TOOL_OPTIONS);
    if (http) {
      env.putAll(settings.redis().environment());
    }
    return env;
  }

  /**
   * Each secret as a reference to its latest version, never a value; {@code http} adds the Redis
   * AUTH string.
   */
  private List<Cloudfunctions2FunctionServiceConfigSecretEnvironmentVariables> secretReferences(
      boolean http) {
    Map<String, String> secretIds = new LinkedHashMap<>();
    settings
        .secrets()
        .byVariable()
        .forEach((variable, secret) -> secretIds.put(variable, secret.getSecretId()));
    if (http) {
      secretIds.put(RedisAccess.PASSWORD_ENV, settings.redis().secretId());
    }
    return CapabilityCloudFunction.secretReferences(settings.region().gcpProject(), secretIds);
  }

  private static String urlSafe(String base64) {
    return base64.replace('+', '-').replace('/', '_').replace("=", "");
  }

  /** The URL of the HTTP function's Cloud Run service: the API Gateway backend. */
  public String serviceUri() {
    return http.getServiceConfig().getUri();
  }

  /** The HTTP function's URL. */
  public String url() {
    return http.getUrl();
  }
}
