package app.stride.infra;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.config.Cloud;
import app.stride.infra.config.EnvConfig;
import app.stride.infra.config.RegionConfig;
import app.stride.infra.global.GlobalStack;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FunctionLimitsTest {

  private final EnvConfig env = SynthesizedStacks.config();

  @Test
  void everyLambda_reservesExactlyTheConcurrencyOfTheTable() {
    for (RegionConfig region : env.regions()) {
      if (region.cloud() != Cloud.AWS) {
        continue;
      }
      Map<String, Integer> synthesized = new LinkedHashMap<>();
      for (JsonNode fn :
          SynthesizedStacks.stack(region.stackName()).resources("aws_lambda_function").values()) {
        synthesized.put(
            fn.path("function_name").asString(), fn.path("reserved_concurrent_executions").asInt());
      }

      assertThat(synthesized).as(region.id()).isEqualTo(FunctionLimits.forRegion(region, env));
    }
  }

  @Test
  void everyCloudFunction_isCappedAtTheTablesMaxInstances() {
    for (RegionConfig region : env.regions()) {
      if (region.cloud() != Cloud.GCP) {
        continue;
      }
      Map<String, Integer> synthesized = new LinkedHashMap<>();
      for (JsonNode fn :
          SynthesizedStacks.stack(region.stackName())
              .resources("google_cloudfunctions2_function")
              .values()) {
        synthesized.put(
            fn.path("name").asString(),
            fn.path("service_config").path("max_instance_count").asInt());
        assertThat(fn.path("service_config").path("min_instance_count").asInt()).isZero();
      }
      for (JsonNode service :
          SynthesizedStacks.stack(region.stackName())
              .resources("google_cloud_run_v2_service")
              .values()) {
        synthesized.put(
            service.path("name").asString(),
            service.at("/template/scaling/max_instance_count").asInt());
      }

      assertThat(synthesized).as(region.id()).isEqualTo(FunctionLimits.forRegion(region, env));
    }
  }

  @Test
  void withAWorker_everyFunctionOfEachCloud_carriesTheTablesCap_theWorkerIncluded() {
    RegionConfig eu = env.region("eu").orElseThrow();
    RegionConfig apac = env.region("apac").orElseThrow();
    Map<String, Integer> lambdas = new LinkedHashMap<>();
    for (JsonNode fn : FixtureStacks.region("eu").resources("aws_lambda_function").values()) {
      lambdas.put(
          fn.path("function_name").asString(), fn.path("reserved_concurrent_executions").asInt());
    }
    Map<String, Integer> cloudFunctions = new LinkedHashMap<>();
    TfStack gcp = FixtureStacks.region("apac");
    for (JsonNode fn : gcp.resources("google_cloudfunctions2_function").values()) {
      cloudFunctions.put(
          fn.path("name").asString(), fn.path("service_config").path("max_instance_count").asInt());
    }
    for (JsonNode service : gcp.resources("google_cloud_run_v2_service").values()) {
      cloudFunctions.put(
          service.path("name").asString(),
          service.at("/template/scaling/max_instance_count").asInt());
    }

    assertThat(lambdas)
        .isEqualTo(FunctionLimits.forRegion(eu, env, FixtureStacks.CAPABILITIES))
        .containsEntry(
            eu.workerFunctionName("devices"), env.scaling().workerMaxConcurrency("devices"));
    assertThat(cloudFunctions)
        .isEqualTo(FunctionLimits.forRegion(apac, env, FixtureStacks.CAPABILITIES))
        .containsKey(apac.workerFunctionName("devices"));
    assertThat(FunctionLimits.forRegion(eu, env))
        .containsEntry(
            eu.workerFunctionName("devices"), env.scaling().workerMaxConcurrency("devices"));
  }

  @Test
  void subscribers_areCappedAtTwo_inEveryRegionOfBothClouds() {
    assertThat(FunctionLimits.SUBSCRIBER).isEqualTo(2);
    for (RegionConfig region : env.regions()) {
      assertThat(FunctionLimits.forRegion(region, env))
          .as(region.id())
          .containsEntry(
              region.subscriberFunctionName("profiles", "eraser"), FunctionLimits.SUBSCRIBER)
          .containsEntry(
              region.subscriberFunctionName("devices", "eraser"), FunctionLimits.SUBSCRIBER);
    }
  }

  @Test
  void theDevicesErasureSweep_runsOneAtATime_inEveryRegionOfBothClouds_theProfilesEraserHasNone() {
    for (RegionConfig region : env.regions()) {
      assertThat(FunctionLimits.forRegion(region, env))
          .as(region.id())
          .containsEntry(
              region.subscriberSweepFunctionName("devices", "eraser"), FunctionLimits.SCHEDULED)
          .doesNotContainKey(region.subscriberSweepFunctionName("profiles", "eraser"));
    }
    assertThat(FunctionLimits.SCHEDULED).isEqualTo(1);
  }

  @Test
  void theOutboxRelays_runOneAtATime_inEveryRegionOfBothClouds_forEachCapabilityWithAnOutbox() {
    for (RegionConfig region : env.regions()) {
      assertThat(FunctionLimits.forRegion(region, env))
          .as(region.id())
          .containsEntry(region.outboxRelayFunctionName("profiles"), FunctionLimits.SCHEDULED)
          .containsEntry(region.outboxRelayFunctionName("workouts"), FunctionLimits.SCHEDULED)
          .containsEntry(region.outboxRelayFunctionName("devices"), FunctionLimits.SCHEDULED)
          .doesNotContainKey(region.outboxRelayFunctionName("planner"))
          .doesNotContainKey(region.outboxRelayFunctionName("social"));
    }
  }

  @Test
  void directoryFunction_reservesItsConfiguredConcurrency() {
    JsonNode fn = SynthesizedStacks.stack(GlobalStack.NAME).only("aws_lambda_function");

    assertThat(fn.path("reserved_concurrent_executions").asInt())
        .isEqualTo(env.scaling().directoryMaxConcurrency());
  }

  @Test
  void gcpHttpFunctions_serveConfiguredRequestsPerInstance_authOneAtATime() {
    RegionConfig apac = env.region("apac").orElseThrow();
    TfStack stack = SynthesizedStacks.stack(apac.stackName());
    JsonNode profiles =
        stack.named("google_cloudfunctions2_function", "name", apac.profilesFunctionName());
    JsonNode auth = stack.named("google_cloudfunctions2_function", "name", apac.authFunctionName());

    assertThat(profiles.path("service_config").path("max_instance_request_concurrency").asInt())
        .isEqualTo(env.scaling().profilesRequestsPerInstance());
    assertThat(profiles.path("service_config").path("available_cpu").asString()).isEqualTo("1");
    assertThat(auth.path("service_config").path("max_instance_request_concurrency").asInt())
        .isEqualTo(FunctionLimits.AUTH_REQUESTS_PER_INSTANCE);
  }
}
