package app.stride.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.infra.capability.Capabilities;
import app.stride.infra.capability.Capability;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

class EnvConfigTest {

  private static final String TEMPLATE =
      """
      {
        "name": "test",
        "regions": REGIONS,
        "global": { "awsRegion": "eu-central-1", "directoryTableName": "stride-directory" },
        "auth": { "jwtIssuer": "https://auth.example", "jwtAudience": ["app"],
                  "jwksUrl": "https://auth.example/jwks.json" },
        "throttle": { "burstLimit": 10, "rateLimit": 5 },
        "observability": { "logRetentionDays": 30, "errorAlarmThreshold": 1,
                           "errorAlarmPeriodSeconds": 60 },
        "artifacts": { "awsProfilesJar": "a.jar", "gcpProfilesZip": "b.zip",
                       "awsDirectoryJar": "c.jar", "awsAuthJar": "d.jar", "gcpAuthZip": "e.zip",
                       "capabilities": { "planner": { "awsJar": "f.jar", "gcpZip": "g.zip" } } },
        "authFunctions": { "publicUrl": "https://app.example", "directoryUrl": "https://dir.example",
                           "mailFromName": "App", "mailFromAddress": "no-reply@app.example",
                           "maxConcurrency": 2, "smtpHost": "smtp.example", "smtpPort": 587,
                           "smtpUsername": "app", "googleClientIds": [], "appleClientIds": [] },
        "edge": { "authThrottle": { "burstLimit": 2, "rateLimit": 1 },
                  "wafAuthRequestsPer5Min": 100, "wafRequestsPer5Min": 1000,
                  "armorAuthRequestsPerMinute": 10, "armorRequestsPerMinute": 100,
                  "armorBanSeconds": 60, "wafWebhookRequestsPer5Min": 2000,
                  "armorWebhookRequestsPerMinute": 400, "apiDomain": "app.example", "apiSpec": "spec.yaml" },
        "scaling": { "profilesHttpMaxConcurrency": 3, "profilesRequestsPerInstance": 4,
                     "directoryMaxConcurrency": 5,
                     "capabilities": { "planner": { "httpMaxConcurrency": 6,
                                                    "requestsPerInstance": 7 } },
                     "workers": { "devices": 9 } },
        "alerting": { "emails": [], "throttledRequestsThreshold": 1, "periodSeconds": 60 },
        "realtime": { "gcpImage": "registry.example/app/realtime:1", "awsMaxConcurrency": 8, "gcpMaxInstances": 1 },
        "cache": { "awsNodeType": "cache.t4g.micro", "gcpMemorySizeGb": 2, "vpcCidr": "10.9.0.0/16" }
      }
      """;

  @Test
  void defaultConfig_hasEuAndUsOnAws_andApacOnGcp() {
    EnvConfig env = EnvConfigLoader.loadDefault();

    assertThat(env.regions())
        .extracting(RegionConfig::id, RegionConfig::cloud, RegionConfig::stackName)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("eu", Cloud.AWS, "aws-eu-central-1"),
            org.assertj.core.groups.Tuple.tuple("us", Cloud.AWS, "aws-us-east-1"),
            org.assertj.core.groups.Tuple.tuple("apac", Cloud.GCP, "gcp-asia-southeast1"));
    assertThat(env.region("apac").orElseThrow().gcpProject()).isEqualTo("stride-apac-prod");
    assertThat(env.observability().logRetentionDays()).isEqualTo(30);
  }

  @Test
  void regionShare_isOneOverTheRegionsOfBothClouds_roundedDown_neverSummingOverOne() {
    EnvConfig base = EnvConfigLoader.loadDefault();

    assertThat(base.regionShare()).as("eu, us, apac").isEqualTo("0.333333");
    for (int count = 1; count <= 12; count++) {
      String share = withRegions(base, count).regionShare();
      BigDecimal each = new BigDecimal(share);

      assertThat(each).as(share).isPositive().isLessThanOrEqualTo(BigDecimal.ONE);
      assertThat(each.multiply(BigDecimal.valueOf(count)))
          .as(share)
          .isLessThanOrEqualTo(BigDecimal.ONE);
      assertThat(share).as("plain decimal").matches("1|0\\.[0-9]{1,6}");
    }
    assertThat(withRegions(base, 1).regionShare()).isEqualTo("1");
    assertThat(withRegions(base, 4).regionShare()).isEqualTo("0.25");
    assertThat(withRegions(base, 7).regionShare()).isEqualTo("0.142857");
  }

  private static EnvConfig withRegions(EnvConfig base, int count) {
    List<RegionConfig> regions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      regions.add(new RegionConfig("r" + i, Cloud.AWS, "test-region-" + i, null));
    }
    return base.withRegions(regions);
  }

  @Test
  void regionNames_deriveFromTheRegionId() {
    RegionConfig eu = new RegionConfig("eu", Cloud.AWS, "eu-central-1", null);

    assertThat(eu.profilesTableName()).isEqualTo("stride-profiles-eu");
    assertThat(eu.profileEventsName()).isEqualTo("stride-profile-events-eu");
    assertThat(eu.profileEventsDeadLetterName()).isEqualTo("stride-profile-events-eu-dlq");
    assertThat(eu.firestoreDatabaseName()).isEqualTo("stride-eu");
  }

  @Test
  void parse_rejectsAGcpRegionWithoutProject() {
    String json =
        TEMPLATE.replace(
            "REGIONS",
            "[{\"id\":\"apac\",\"cloud\":\"GCP\",\"location\":\"asia-southeast1\",\"gcpProject\":null}]");

    assertThatThrownBy(() -> EnvConfigLoader.parse(json))
        .hasRootCauseInstanceOf(IllegalArgumentException.class)
        .rootCause()
        .hasMessageContaining("needs gcpProject");
  }

  @Test
  void parse_rejectsWebhookLimitsNotAboveTheAuthLimits() {
    String json =
        TEMPLATE
            .replace("REGIONS", "[]")
            .replace("\"wafWebhookRequestsPer5Min\": 2000", "\"wafWebhookRequestsPer5Min\": 100");

    assertThatThrownBy(() -> EnvConfigLoader.parse(json))
        .rootCause()
        .hasMessageContaining("webhook limits must be higher than the auth limits");
  }

  @Test
  void parse_readsWorkerCaps_andRejectsACapBelowTwo() {
    EnvConfig env = EnvConfigLoader.parse(TEMPLATE.replace("REGIONS", "[]"));
    String json =
        TEMPLATE
            .replace("REGIONS", "[]")
            .replace("\"workers\": { \"devices\": 9 }", "\"workers\": { \"devices\": 1 }");

    assertThat(env.scaling().workerMaxConcurrency("devices")).isEqualTo(9);
    assertThatThrownBy(() -> env.scaling().workerMaxConcurrency("social"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> EnvConfigLoader.parse(json))
        .rootCause()
        .hasMessageContaining("worker cap of devices must be at least 2");
  }

  @Test
  void parse_rejectsDuplicateRegionIds() {
    String region =
        "{\"id\":\"eu\",\"cloud\":\"AWS\",\"location\":\"eu-central-1\",\"gcpProject\":null}";
    String json = TEMPLATE.replace("REGIONS", "[" + region + "," + region + "]");

    assertThatThrownBy(() -> EnvConfigLoader.parse(json))
        .rootCause()
        .hasMessageContaining("duplicate region: eu");
  }

  @Test
  void parse_rejectsUnknownFields_soATypoCannotBeIgnored() {
    String json =
        TEMPLATE.replace(
            "REGIONS",
            "[{\"id\":\"eu\",\"cloud\":\"AWS\",\"location\":\"eu-central-1\",\"gcpProject\":null,"
                + "\"tableName\":\"x\"}]");

    assertThatThrownBy(() -> EnvConfigLoader.parse(json)).isInstanceOf(JacksonException.class);
  }

  @Test
  void parse_rejectsAnUnknownCloud() {
    String json =
        TEMPLATE.replace(
            "REGIONS",
            "[{\"id\":\"eu\",\"cloud\":\"AZURE\",\"location\":\"westeurope1\",\"gcpProject\":null}]");

    assertThatThrownBy(() -> EnvConfigLoader.parse(json)).isInstanceOf(JacksonException.class);
  }

  @Test
  void observability_rejectsARetentionCloudWatchDoesNotOffer() {
    assertThatThrownBy(() -> new ObservabilityConfig(31, 1, 60))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("31");
  }

  @Test
  void auth_rejectsAKeySetUrlThatIsNotHttps() {
    assertThatThrownBy(
            () -> new AuthConfig("https://auth.example", List.of("app"), "http://auth.example/k"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jwksUrl");
  }

  @Test
  void auth_handsFunctionsItsSingleAudience_andRefusesSeveral() {
    AuthConfig one = new AuthConfig("https://a.example", List.of("app"), "https://a.example/k");
    AuthConfig two =
        new AuthConfig("https://a.example", List.of("app", "web"), "https://a.example/k");

    assertThat(one.functionAudience()).isEqualTo("app");
    assertThatThrownBy(two::functionAudience)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("one audience");
  }

  @Test
  void regionNames_ofTheRelayScheduleAndCursorSecret_deriveFromTheRegionId() {
    RegionConfig eu = new RegionConfig("eu", Cloud.AWS, "eu-central-1", null);

    assertThat(eu.profilesOutboxRelayFunctionName()).isEqualTo("stride-profiles-outbox-relay-eu");
    assertThat(eu.scheduleGroupName()).isEqualTo("stride-eu");
    assertThat(eu.cursorKeySecretName()).isEqualTo("stride-cursor-key-eu");
  }

  @Test
  void subscriberSweepNames_deriveFromTheRegionId_andFitLambdaAndCloudFunctionsLimits() {
    RegionConfig eu = new RegionConfig("eu", Cloud.AWS, "eu-central-1", null);
    EnvConfig env = EnvConfigLoader.loadDefault();

    assertThat(eu.subscriberSweepFunctionName("devices", "eraser"))
        .isEqualTo("stride-devices-eraser-sweep-eu");
    for (RegionConfig region : env.regions()) {
      for (Capability capability : Capabilities.ALL) {
        for (Capability.Subscriber subscriber : capability.subscribers()) {
          String name = region.subscriberSweepFunctionName(capability.name(), subscriber.stem());
          // Lambda names and IAM role names (its scheduler's role adds "-scheduler"): 64.
          // Cloud Functions (and their Cloud Run services): 63.
          int limit = region.cloud() == Cloud.AWS ? 64 - "-scheduler".length() : 63;
          assertThat(name).as(region.id()).hasSizeLessThanOrEqualTo(limit);
        }
      }
    }
    // The longest a region id, capability name and subscriber stem may be: still within both.
    RegionConfig longest = new RegionConfig("a23456789012", Cloud.GCP, "asia-southeast1", "p");
    assertThat(longest.subscriberSweepFunctionName("a234567890123456", "abcdefgh"))
        .hasSize(51)
        .hasSizeLessThanOrEqualTo(63)
        .hasSizeLessThanOrEqualTo(64 - "-scheduler".length());
  }

  @Test
  void globalNames_deriveFromTheDirectoryTable() {
    GlobalConfig global = new GlobalConfig("eu-central-1", "stride-directory");

    assertThat(global.directoryFunctionName()).isEqualTo("stride-directory");
    assertThat(global.directoryApiSecretName()).isEqualTo("stride-directory-api-secret");
  }

  @Test
  void artifacts_mustBeRelativeToTheRepoRoot() {
    assertThatThrownBy(
            () -> new ArtifactConfig("/abs/a.jar", "b.zip", "c.jar", "d.jar", "e.zip", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new ArtifactConfig("a.jar", "b.zip", "/abs/c.jar", "d.jar", "e.zip", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("awsDirectoryJar");
    assertThatThrownBy(
            () ->
                new ArtifactConfig(
                    "a.jar",
                    "b.zip",
                    "c.jar",
                    "d.jar",
                    "e.zip",
                    Map.of("planner", new CapabilityArtifacts("/abs/f.jar", "g.zip"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("planner.awsJar");
  }

  @Test
  void capabilityArtifactsAndCaps_areLookedUpByName_profilesFromItsOwnFields() {
    EnvConfig env = EnvConfigLoader.parse(TEMPLATE.replace("REGIONS", "[]"));

    assertThat(env.artifacts().awsJar("planner")).isEqualTo("f.jar");
    assertThat(env.artifacts().gcpZip("planner")).isEqualTo("g.zip");
    assertThat(env.artifacts().awsJar("profiles")).isEqualTo("a.jar");
    assertThat(env.scaling().httpMaxConcurrency("planner")).isEqualTo(6);
    assertThat(env.scaling().requestsPerInstance("planner")).isEqualTo(7);
    assertThat(env.scaling().httpMaxConcurrency("profiles")).isEqualTo(3);
    assertThatThrownBy(() -> env.artifacts().awsJar("social"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("social");
    assertThatThrownBy(() -> env.scaling().httpMaxConcurrency("social"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void realtime_isRead_andAnImageWithWhitespaceOrAZeroCapIsRejected() {
    EnvConfig env = EnvConfigLoader.parse(TEMPLATE.replace("REGIONS", "[]"));

    assertThat(env.realtime())
        .isEqualTo(new RealtimeConfig("registry.example/app/realtime:1", 8, 1));
    assertThatThrownBy(() -> new RealtimeConfig("registry.example/app realtime", 8, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gcpImage");
    assertThatThrownBy(() -> new RealtimeConfig("registry.example/app/realtime:1", 8, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void defaultConfig_namesTheDeployablesAndCapsOfEveryCapability() {
    EnvConfig env = EnvConfigLoader.loadDefault();

    for (Capability capability : Capabilities.ALL) {
      String name = capability.name();
      assertThat(env.artifacts().awsJar(name))
          .isEqualTo("functions/" + name + "/aws/target/" + name + "-aws-lambda.jar");
      assertThat(env.artifacts().gcpZip(name))
          .isEqualTo("functions/" + name + "/gcp/target/" + name + "-gcp-function.zip");
      assertThat(env.scaling().httpMaxConcurrency(name)).isPositive();
    }
  }
}
