package app.stride.infra.gcp;

import app.stride.infra.BuiltArtifact;
import app.stride.infra.config.AuthConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.providers.google.cloud_run_v2_service_iam_member.CloudRunV2ServiceIamMember;
import com.hashicorp.cdktf.providers.google.cloudfunctions2_function.Cloudfunctions2Function;
import com.hashicorp.cdktf.providers.google.cloudfunctions2_function.Cloudfunctions2FunctionBuildConfig;
import com.hashicorp.cdktf.providers.google.cloudfunctions2_function.Cloudfunctions2FunctionBuildConfigSource;
import com.hashicorp.cdktf.providers.google.cloudfunctions2_function.Cloudfunctions2FunctionBuildConfigSourceStorageSource;
import com.hashicorp.cdktf.providers.google.cloudfunctions2_function.Cloudfunctions2FunctionServiceConfig;
import com.hashicorp.cdktf.providers.google.storage_bucket.StorageBucket;
import com.hashicorp.cdktf.providers.google.storage_bucket_object.StorageBucketObject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import software.constructs.Construct;

/**
 * The profiles function as a Cloud Functions (2nd gen) HTTPS function, the backend of the region's
 * API Gateway ({@link ApiGateway}). The gateway keeps the caller's {@code Authorization} header, so
 * invocation stays public and every request is authenticated by the JWT check of the shared edge
 * layer inside the function; the function's own URL therefore stays reachable too (see {@code
 * docs/edge-infra.md}).
 */
public final class ProfilesCloudFunction extends Construct {

  /** The Functions Framework target of the profiles function. */
  public static final String ENTRY_POINT = "app.stride.profiles.gcp.ProfilesHttpFunction";

  private final StorageBucket bucket;
  private final Cloudfunctions2Function function;

  /**
   * Uploads the source zip to a regional bucket and creates the function from it, scaled to at most
   * {@code maxInstances} instances of {@code requestsPerInstance} concurrent requests each.
   */
  public ProfilesCloudFunction(
      Construct scope,
      String id,
      RegionConfig region,
      AuthConfig auth,
      BuiltArtifact sourceZip,
      FirestoreStore store,
      ProfileEventsTopic events,
      ProfilesFunctionIdentity identity,
      int maxInstances,
      int requestsPerInstance) {
    super(scope, id);
    bucket =
        StorageBucket.Builder.create(this, "source_bucket")
            .project(region.gcpProject())
            .name(region.gcpProject() + "-stride-sources-" + region.id())
            .location(region.location().toUpperCase(Locale.ROOT))
            .uniformBucketLevelAccess(true)
            .publicAccessPrevention("enforced")
            .build();
    // A content-addressed object name makes a new build redeploy the function.
    String objectName =
        sourceZip
            .sha256Base64()
            .map(hash -> "profiles-" + urlSafe(hash) + ".zip")
            .orElse(sourceZip.fileName());
    StorageBucketObject source =
        StorageBucketObject.Builder.create(this, "source")
            .bucket(bucket.getName())
            .name(objectName)
            .source(sourceZip.path())
            .build();
    function =
        Cloudfunctions2Function.Builder.create(this, "function")
            .project(region.gcpProject())
            .location(region.location())
            .name(region.profilesFunctionName())
            .buildConfig(
                Cloudfunctions2FunctionBuildConfig.builder()
                    .runtime("java17")
                    .entryPoint(ENTRY_POINT)
                    .source(
                        Cloudfunctions2FunctionBuildConfigSource.builder()
                            .storageSource(
                                Cloudfunctions2FunctionBuildConfigSourceStorageSource.builder()
                                    .bucket(bucket.getName())
                                    .object(source.getName())
                                    .build())
                            .build())
                    .build())
            .serviceConfig(
                Cloudfunctions2FunctionServiceConfig.builder()
                    .availableMemory("1Gi")
                    // More than one request per instance needs at least one whole vCPU.
                    .availableCpu("1")
                    .maxInstanceRequestConcurrency(requestsPerInstance)
                    .minInstanceCount(0)
                    .maxInstanceCount(maxInstances)
                    .timeoutSeconds(10)
                    .ingressSettings("ALLOW_ALL")
                    .allTrafficOnLatestRevision(true)
                    .serviceAccountEmail(identity.email())
                    .environmentVariables(environment(region, auth, store, events))
                    .build())
            .build();
    CloudRunV2ServiceIamMember.Builder.create(this, "public_invoker")
        .project(region.gcpProject())
        .location(region.location())
        .name(function.getServiceConfig().getService())
        .role("roles/run.invoker")
        .member("allUsers")
        .build();
  }

  private static Map<String, String> environment(
      RegionConfig region, AuthConfig auth, FirestoreStore store, ProfileEventsTopic events) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("STRIDE_REGION", region.id());
    env.put("STRIDE_FIRESTORE_DATABASE", store.name());
    env.put("STRIDE_EVENTS_TOPIC", events.id());
    // Read by TokenVerifiers (shared-lib/core): this function is its own edge on GCP.
    env.put("STRIDE_JWT_ISSUER", auth.jwtIssuer());
    env.put("STRIDE_JWT_AUDIENCE", auth.functionAudience());
    env.put("STRIDE_JWKS_URL", auth.jwksUrl());
    env.put(CloudMonitoringWriter.METRICS_ENV, CloudMonitoringWriter.METRICS);
    env.put(CloudMonitoringWriter.PROJECT_ENV, region.gcpProject());
    env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
    return env;
  }

  private static String urlSafe(String base64) {
    return base64.replace('+', '-').replace('/', '_').replace("=", "");
  }

  /** The function's name, also the name of its Cloud Run service. */
  public String name() {
    return function.getName();
  }

  /** The URL of the function's Cloud Run service: the API Gateway backend. */
  public String serviceUri() {
    return function.getServiceConfig().getUri();
  }

  /** The function's HTTPS URL. */
  public String url() {
    return function.getUrl();
  }

  /** The region's source bucket, where other capabilities' function zips go too. */
  public String sourceBucketName() {
    return bucket.getName();
  }
}
