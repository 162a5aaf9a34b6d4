package app.stride.infra.gcp;

import app.stride.infra.ApiSpecs;
import app.stride.infra.ArtifactLocator;
import app.stride.infra.FunctionLimits;
import app.stride.infra.config.Cloud;
import app.stride.infra.config.EnvConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.google.data_google_project.DataGoogleProject;
import com.hashicorp.cdktf.providers.google.provider.GoogleProvider;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * One GCP home region: Firestore database, events topic, profiles function; the auth TTL policies,
 * secrets, service accounts, functions and schedules; logs and alerts of every function; the API
 * Gateway derived from the spec, the load balancer with Cloud Armor in front of it, and the edge
 * alerts, every alert notifying the configured channels.
 */
public final class GcpRegionStack extends TerraformStack {

  /**
   * Builds the stack {@code gcp-<location>} for {@code region}, its gateway config derived from
   * {@code specs}.
   */
  public GcpRegionStack(
      Construct scope,
      RegionConfig region,
      EnvConfig env,
      ArtifactLocator artifacts,
      ApiSpecs specs) {
    super(scope, region.stackName());
    if (region.cloud() != Cloud.GCP) {
      throw new IllegalArgumentException("not a GCP region: " + region.id());
    }
    GoogleProvider.Builder.create(this, "google")
        .project(region.gcpProject())
        .region(region.location())
        .defaultLabels(
            Map.of("stride-env", env.name(), "stride-region", region.id(), "managed-by", "cdktf"))
        .build();
    DataGoogleProject project =
        DataGoogleProject.Builder.create(this, "project").projectId(region.gcpProject()).build();
    String pubsubAgent =
        "serviceAccount:service-" + project.getNumber() + "@gcp-sa-pubsub.iam.gserviceaccount.com";
    FirestoreStore store = new FirestoreStore(this, "profiles_store", region);
    ProfileEventsTopic events = new ProfileEventsTopic(this, "profile_events", region, pubsubAgent);
    ProfilesFunctionIdentity identity =
        new ProfilesFunctionIdentity(this, "profiles_identity", region, store, events);
    ProfilesCloudFunction function =
        new ProfilesCloudFunction(
            this,
            "profiles_function",
            region,
            env.auth(),
            artifacts.locate(env.artifacts().gcpProfilesZip()),
            store,
            events,
            identity,
            FunctionLimits.of(region, env, region.profilesFunctionName()),
            env.scaling().profilesRequestsPerInstance());
    new AuthTtlPolicies(this, "auth_ttl", region, store);
    AuthFunctionSecrets authSecrets = new AuthFunctionSecrets(this, "auth_secrets", region);
    AuthFunctionIdentity authIdentity =
        new AuthFunctionIdentity(this, "auth_identity", region, store, authSecrets, events);
    AuthCloudFunctions auth =
        new AuthCloudFunctions(
            this,
            "auth_functions",
            region,
            env.auth(),
            env.authFunctions(),
            artifacts.locate(env.artifacts().gcpAuthZip()),
            function.sourceBucketName(),
            store,
            events,
            authSecrets,
            authIdentity);
    GoogleBeta.declare(this, region);
    ApiGateway gateway =
        new ApiGateway(
            this,
            "api_gateway",
            region,
            specs.read(env.edge().apiSpec()),
            Map.of("profiles", function.serviceUri(), "auth", auth.serviceUri()));
    EdgeLoadBalancer edge = new EdgeLoadBalancer(this, "edge", region, env.edge(), gateway);
    new FunctionObservability(
        this,
        "profiles_observability",
        region,
        env.observability(),
        List.of(
            region.profilesFunctionName(),
            region.authFunctionName(),
            region.authKeyRotationFunctionName(),
            region.authDeletionRelayFunctionName()));
    EdgeAlerts alerts =
        new EdgeAlerts(
            this,
            "edge_alerts",
            region,
            env.alerting(),
            gateway,
            edge,
            List.of(region.profilesFunctionName(), region.authFunctionName()));
    alerts.notifyOnEveryAlert(this);
    TerraformOutput.Builder.create(this, "edge_ip")
        .value(edge.ipAddress())
        .description("Point " + env.edge().apiHost(region) + " (A record) at this address")
        .build();
    TerraformOutput.Builder.create(this, "gateway_host")
        .value(gateway.defaultHostname())
        .description("The API Gateway's own host name (behind the load balancer)")
        .build();
    TerraformOutput.Builder.create(this, "profiles_url")
        .value(function.url())
        .description("HTTPS endpoint of the profiles function")
        .build();
    TerraformOutput.Builder.create(this, "auth_url")
        .value(auth.url())
        .description("HTTPS endpoint of the auth function")
        .build();
    TerraformOutput.Builder.create(this, "auth_secret_names")
        .value(authSecrets.secretIds())
        .description(
            "Secrets to add a version to once: directory hash key (same in every region),"
                + " directory API secret (the global stack's value), SMTP relay password")
        .build();
  }
}
