package app.stride.infra.gcp;

import app.stride.infra.capability.RealtimeChannel;
import com.hashicorp.cdktf.providers.google.cloud_run_v2_service.CloudRunV2Service;
import com.hashicorp.cdktf.providers.google.cloud_run_v2_service.CloudRunV2ServiceTemplate;
import com.hashicorp.cdktf.providers.google.cloud_run_v2_service.CloudRunV2ServiceTemplateContainers;
import com.hashicorp.cdktf.providers.google.cloud_run_v2_service.CloudRunV2ServiceTemplateContainersEnv;
import com.hashicorp.cdktf.providers.google.cloud_run_v2_service.CloudRunV2ServiceTemplateContainersEnvValueSource;
import com.hashicorp.cdktf.providers.google.cloud_run_v2_service.CloudRunV2ServiceTemplateContainersEnvValueSourceSecretKeyRef;
import com.hashicorp.cdktf.providers.google.cloud_run_v2_service.CloudRunV2ServiceTemplateContainersResources;
import com.hashicorp.cdktf.providers.google.cloud_run_v2_service.CloudRunV2ServiceTemplateScaling;
import com.hashicorp.cdktf.providers.google.cloud_run_v2_service_iam_member.CloudRunV2ServiceIamMember;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The chat server of a GCP region ({@code docs/chat.md}): the Cloud Run service {@code
 * stride-<name>-realtime-<id>} running a container image built outside this repository ({@code
 * realtime.gcpImage}), as the capability's service account, with the capability function's
 * environment plus {@value #REALTIME_ENV}{@code =true} and the push secret ({@link ChatPush}) the
 * social function opens its internal push socket with.
 *
 * <p>A socket lives on one instance for up to {@value #TIMEOUT_SECONDS} s; session affinity sends a
 * client back to the same instance. Until changes fan out across instances (a Pub/Sub topic per
 * region, see {@code docs/chat.md}) the service runs at most {@code realtime.gcpMaxInstances}
 * instances, 1 by default. Invocation is public ({@code allUsers} {@code run.invoker}): the
 * WebSocket upgrade carries the user's token as a subprotocol, which Cloud Run IAM cannot read, so
 * the server checks it itself and refuses the upgrade without a valid one.
 */
public final class RealtimeService extends Construct {

  /** The switch that makes the social image serve the chat channel. */
  public static final String REALTIME_ENV = "STRIDE_REALTIME";

  /** The longest a socket stays open (Cloud Run's maximum request time). */
  public static final int TIMEOUT_SECONDS = 3600;

  /** Sockets one instance holds at once (Cloud Run's maximum). */
  public static final int CONNECTIONS_PER_INSTANCE = 1000;

  private final CloudRunV2Service service;

  /**
   * Creates the service of {@code channel} from {@code image}, capped at {@code maxInstances}, with
   * {@code settings} of the capability's function (identity, store, token settings).
   */
  public RealtimeService(
      Construct scope,
      String id,
      RealtimeChannel channel,
      String image,
      int maxInstances,
      CapabilityCloudFunction.Settings settings,
      ChatPush push) {
    super(scope, id);
    var region = settings.region();
    List<CloudRunV2ServiceTemplateContainersEnv> env = new ArrayList<>();
    CapabilityCloudFunction.environment(settings)
        .forEach(
            (name, value) ->
                env.add(
                    CloudRunV2ServiceTemplateContainersEnv.builder()
                        .name(name)
                        .value(value)
                        .build()));
    env.add(
        CloudRunV2ServiceTemplateContainersEnv.builder().name(REALTIME_ENV).value("true").build());
    env.add(
        CloudRunV2ServiceTemplateContainersEnv.builder()
            .name(ChatPush.SECRET_ENV)
            .valueSource(
                CloudRunV2ServiceTemplateContainersEnvValueSource.builder()
                    .secretKeyRef(
                        CloudRunV2ServiceTemplateContainersEnvValueSourceSecretKeyRef.builder()
                            .secret(push.secret().getSecretId())
                            .version("latest")
                            .build())
                    .build())
            .build());
    service =
        CloudRunV2Service.Builder.create(this, "service")
            .project(region.gcpProject())
            .location(region.location())
            .name(region.realtimeFunctionName(channel.name()))
            .ingress("INGRESS_TRAFFIC_ALL")
            .template(
                CloudRunV2ServiceTemplate.builder()
                    .serviceAccount(settings.identity().email())
                    .timeout(TIMEOUT_SECONDS + "s")
                    .sessionAffinity(true)
                    .maxInstanceRequestConcurrency(CONNECTIONS_PER_INSTANCE)
                    .scaling(
                        CloudRunV2ServiceTemplateScaling.builder()
                            .minInstanceCount(0)
                            .maxInstanceCount(maxInstances)
                            .build())
                    .containers(
                        List.of(
                            CloudRunV2ServiceTemplateContainers.builder()
                                .image(image)
                                .env(env)
                                .resources(
                                    CloudRunV2ServiceTemplateContainersResources.builder()
                                        .limits(Map.of("cpu", "1", "memory", "1Gi"))
                                        .build())
                                .build()))
                    .build())
            .build();
    CloudRunV2ServiceIamMember.Builder.create(this, "public_invoker")
        .project(region.gcpProject())
        .location(region.location())
        .name(service.getName())
        .role("roles/run.invoker")
        .member("allUsers")
        .build();
  }

  /** The service's name. */
  public String name() {
    return service.getName();
  }

  /** The service's {@code https://} URL; clients connect to it with {@code wss://}. */
  public String uri() {
    return service.getUri();
  }
}
