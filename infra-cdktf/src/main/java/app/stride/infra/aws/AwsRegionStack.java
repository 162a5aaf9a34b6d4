package app.stride.infra.aws;

import app.stride.infra.ArtifactLocator;
import app.stride.infra.BuiltArtifact;
import app.stride.infra.FunctionLimits;
import app.stride.infra.config.Cloud;
import app.stride.infra.config.EnvConfig;
import app.stride.infra.config.RegionConfig;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.apigatewayv2_route.Apigatewayv2Route;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderDefaultTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * One AWS home region: profile table, events queue, cursor key secret, the profiles function with
 * its HTTP API, and the scheduled outbox relay; the auth table, secrets, SES configuration set and
 * identity, the auth HTTP function on the same API, and the auth schedules; the API's stage with
 * its throttling, CloudFront with AWS WAF in front of it, and the alarm topic every alarm notifies.
 */
public final class AwsRegionStack extends TerraformStack {

  /** Builds the stack {@code aws-<location>} for {@code region}. */
  public AwsRegionStack(
      Construct scope, RegionConfig region, EnvConfig env, ArtifactLocator artifacts) {
    super(scope, region.stackName());
    if (region.cloud() != Cloud.AWS) {
      throw new IllegalArgumentException("not an AWS region: " + region.id());
    }
    AwsProvider.Builder.create(this, "aws")
        .region(region.location())
        .defaultTags(
            List.of(
                AwsProviderDefaultTags.builder()
                    .tags(
                        Map.of(
                            "stride:env", env.name(),
                            "stride:region", region.id(),
                            "stride:stack", region.stackName()))
                    .build()))
        .build();
    RegionKey key = new RegionKey(this, "region_key", region);
    ProfilesTable table = new ProfilesTable(this, "profiles_table", region, key);
    ProfileEventsQueue events = new ProfileEventsQueue(this, "profile_events", region, key);
    CursorKeySecret cursorKey = new CursorKeySecret(this, "cursor_key", region, key);
    BuiltArtifact jar = artifacts.locate(env.artifacts().awsProfilesJar());
    ProfilesLambda function =
        new ProfilesLambda(
            this,
            "profiles_function",
            region,
            env.auth(),
            env.observability(),
            jar,
            table,
            events,
            key,
            cursorKey,
            FunctionLimits.of(region, env, region.profilesFunctionName()));
    ProfilesOutboxRelay relay =
        new ProfilesOutboxRelay(
            this, "profiles_outbox_relay", region, env.observability(), jar, table, events, key);
    ProfilesHttpApi api = new ProfilesHttpApi(this, "profiles_api", region, env.auth(), function);
    Auth auth = addAuth(region, env, artifacts, key, events, api, relay);
    AuthMail mail = auth.mail();
    List<Apigatewayv2Route> routes = new ArrayList<>(api.routes());
    routes.addAll(auth.routes().routes());
    new ApiStage(
        this,
        "api_stage",
        region,
        api,
        new ApiStage.Limits(env.throttle(), env.edge().authThrottle(), AuthRoutes.allRoutes()),
        routes,
        env.observability(),
        env.alerting());
    EdgeProtection edge = new EdgeProtection(this, "edge", region, env.edge(), api);
    RegionAlarms alarms = new RegionAlarms(this, "alarms", region, env.alerting());
    alarms.notifyOnEveryAlarm(this);
    TerraformOutput.Builder.create(this, "edge_domain")
        .value(edge.domainName())
        .description("The region's public API host (CloudFront with AWS WAF)")
        .build();
    TerraformOutput.Builder.create(this, "alarm_topic")
        .value(alarms.topicArn())
        .description("SNS topic every alarm of the region notifies")
        .build();
    TerraformOutput.Builder.create(this, "api_endpoint")
        .value(api.endpoint())
        .description("Base URL of the region's HTTP API")
        .build();
    TerraformOutput.Builder.create(this, "cursor_key_secret")
        .value(cursorKey.name())
        .description("Secret to fill once with base64 of 32 random bytes (put-secret-value)")
        .build();
    TerraformOutput.Builder.create(this, "mail_dkim_tokens")
        .value(mail.dkimTokens())
        .description("Publish <token>._domainkey.<mail domain> CNAME <token>.dkim.amazonses.com")
        .build();
  }

  /** What the auth capability adds that the rest of the stack refers to. */
  private record Auth(AuthMail mail, AuthRoutes routes) {}

  /** The auth capability: its table, secrets, mail, HTTP function and routes, and schedules. */
  private Auth addAuth(
      RegionConfig region,
      EnvConfig env,
      ArtifactLocator artifacts,
      RegionKey key,
      ProfileEventsQueue events,
      ProfilesHttpApi api,
      ProfilesOutboxRelay relay) {
    AuthTable table = new AuthTable(this, "auth_table", region, key);
    AuthSecrets secrets = new AuthSecrets(this, "auth_secrets", region, key);
    AuthMail mail = new AuthMail(this, "auth_mail", region, env.authFunctions());
    AuthRuntime runtime =
        new AuthRuntime(region, env.auth(), env.authFunctions(), table, events, key, secrets, mail);
    BuiltArtifact jar = artifacts.locate(env.artifacts().awsAuthJar());
    AuthLambda function =
        new AuthLambda(
            this,
            "auth_function",
            region,
            runtime,
            FunctionLimits.of(region, env, region.authFunctionName()),
            env.observability(),
            jar);
    AuthRoutes routes = new AuthRoutes(this, "auth_routes", api, function);
    new AuthSchedules(
        this,
        "auth_schedules",
        region,
        runtime,
        relay.scheduleGroupName(),
        env.observability(),
        jar);
    TerraformOutput.Builder.create(this, "auth_secret_names")
        .value(secrets.names())
        .description(
            "Secrets to fill once: the directory hash key (same value in every region) and the"
                + " directory API secret (the global stack's value)")
        .build();
    return new Auth(mail, routes);
  }
}
