package app.stride.infra;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.aws.EdgeProtection;
import app.stride.infra.capability.Capabilities;
import app.stride.infra.config.Cloud;
import app.stride.infra.config.RegionConfig;
import app.stride.infra.gcp.CloudMonitoringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What every function needs from infra for the edge layer it runs (shared-edge): where its meters
 * go, on GCP the right to write them, and on the AWS HTTP functions the CloudFront origin secret
 * that lets them refuse callers who bypass CloudFront and AWS WAF.
 */
class EdgeFunctionSettingsTest {

  @Test
  void everyAwsFunction_writesItsMetersAsEmf_everyGcpFunction_toCloudMonitoringInItsProject() {
    int checked = 0;
    for (RegionConfig region : SynthesizedStacks.config().regions()) {
      TfStack stack = SynthesizedStacks.stack(region.stackName());
      Map<String, Map<String, String>> functions = FunctionEnvironments.of(stack);
      assertThat(functions).as(stack.name()).isNotEmpty();
      for (Map.Entry<String, Map<String, String>> function : functions.entrySet()) {
        Map<String, String> env = function.getValue();
        if (region.cloud() == Cloud.AWS) {
          assertThat(env).as(function.getKey()).containsEntry("STRIDE_METRICS", "emf");
        } else {
          assertThat(env)
              .as(function.getKey())
              .containsEntry("STRIDE_METRICS", "cloud-monitoring")
              .containsEntry("STRIDE_GCP_PROJECT", region.gcpProject());
        }
        checked++;
      }
    }
    assertThat(checked).as("functions in eu, us and apac").isGreaterThan(10);
  }

  @Test
  void awsHttpFunctions_andOnlyThey_getTheOriginSecret_asTheSensitiveVariable() {
    for (RegionConfig region : SynthesizedStacks.config().regions()) {
      if (region.cloud() != Cloud.AWS) {
        continue;
      }
      TfStack stack = SynthesizedStacks.stack(region.stackName());
      JsonNode variable = stack.root().path("variable").path(EdgeProtection.ORIGIN_SECRET_VARIABLE);
      assertThat(variable.path("sensitive").asBoolean()).as(stack.name()).isTrue();
      List<String> withSecret =
          FunctionEnvironments.of(stack).entrySet().stream()
              .filter(f -> f.getValue().containsKey(EdgeProtection.ORIGIN_SECRET_ENV))
              .map(Map.Entry::getKey)
              .toList();
      assertThat(withSecret)
          .as(stack.name())
          .containsExactlyInAnyOrderElementsOf(httpFunctions(region));
      FunctionEnvironments.of(stack).entrySet().stream()
          .filter(f -> f.getValue().containsKey(EdgeProtection.ORIGIN_SECRET_ENV))
          .forEach(
              f -> {
                assertThat(f.getValue().get("SPRING_CLOUD_FUNCTION_DEFINITION")).endsWith("Http");
                assertThat(f.getValue().get(EdgeProtection.ORIGIN_SECRET_ENV))
                    .isEqualTo("${var.origin_verify_secret}");
              });
    }
  }

  @Test
  void gcpFunctionAccounts_mayWriteMetrics_inTheirProject_andNothingMoreOfMonitoring() {
    for (RegionConfig region : SynthesizedStacks.config().regions()) {
      if (region.cloud() != Cloud.GCP) {
        continue;
      }
      TfStack stack = SynthesizedStacks.stack(region.stackName());
      List<JsonNode> monitoring =
          stack.resources("google_project_iam_member").values().stream()
              .filter(m -> m.path("role").asString().startsWith("roles/monitoring."))
              .toList();
      List<String> accounts =
          stack.resources("google_service_account").values().stream()
              .filter(a -> meteredAccounts(region).contains(a.path("account_id").asString()))
              .map(a -> stack.ref("google_service_account", a, "member"))
              .toList();

      assertThat(accounts).as(stack.name()).hasSize(meteredAccounts(region).size());
      assertThat(monitoring)
          .as(stack.name())
          .allSatisfy(
              m -> {
                assertThat(m.path("role").asString()).isEqualTo(CloudMonitoringWriter.ROLE);
                assertThat(m.path("project").asString()).isEqualTo(region.gcpProject());
              })
          .extracting(m -> m.path("member").asString())
          .containsExactlyInAnyOrderElementsOf(accounts);
    }
  }

  /** Every capability's HTTP function and the auth HTTP function of {@code region}. */
  private static List<String> httpFunctions(RegionConfig region) {
    List<String> names = new ArrayList<>();
    Capabilities.ALL.forEach(c -> names.add(region.functionName(c.name())));
    names.add(region.authFunctionName());
    return names;
  }

  /** The HTTP functions' accounts and the workers' (a worker writes metrics too). */
  private static List<String> meteredAccounts(RegionConfig region) {
    List<String> names = new ArrayList<>(httpFunctions(region));
    Capabilities.ALL.stream()
        .filter(c -> c.worker().isPresent())
        .forEach(c -> names.add(region.workerFunctionName(c.name())));
    return names;
  }
}
