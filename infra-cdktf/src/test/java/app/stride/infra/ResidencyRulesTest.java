package app.stride.infra;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.config.EnvConfig;
import app.stride.infra.config.EnvConfigLoader;
import app.stride.infra.config.RegionConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The residency checker itself: each fixture breaks the rule one way and must be caught. */
class ResidencyRulesTest {

  private static final EnvConfig ENV = EnvConfigLoader.loadDefault();

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource({
    "aws-literal-foreign-table, eu, not an own-resource reference",
    "aws-literal-foreign-table, eu, mentions foreign data stride-profiles-us",
    "aws-wildcard, eu, not an own-resource reference: *",
    "aws-wildcard-beside-network-interfaces, eu, not an own-resource reference: *",
    "aws-reference-outside-stack, eu, references a resource outside the stack",
    "aws-raw-policy, us, policy is not a scanned policy document",
    "aws-managed-policy-attachment, us, attached",
    "aws-scheduler-invokes-foreign-function, eu, not an own-resource reference",
    "aws-scheduler-invokes-foreign-function, eu, mentions foreign data :us-east-1:",
    "aws-foreign-outbox-index, eu, references a resource outside the stack",
    "aws-foreign-cursor-secret, us, mentions foreign data stride-cursor-key-eu",
    "aws-foreign-auth-table, eu, not an own-resource reference",
    "aws-foreign-auth-table, eu, mentions foreign data stride-auth-us",
    "aws-foreign-auth-table, eu, mentions foreign data :us-east-1:",
    "aws-auth-reads-foreign-directory-secret, us, references a resource outside the stack",
    "aws-auth-reads-foreign-directory-secret, us, mentions foreign data stride-directory-api-secret-eu",
    "aws-manage-connections-beyond-own-stage, eu, 'not an own-resource reference: ${aws_apigatewayv2_api.chat.execution_arn}/*'",
    "aws-manage-connections-beyond-own-stage, eu, references a resource outside the stack",
    "aws-manage-connections-beyond-own-stage, eu, mentions foreign data :us-east-1:",
    "gcp-unconditioned-datastore, apac, unconditioned roles/datastore.user",
    "gcp-foreign-database-condition, apac, mentions foreign data stride-eu",
    "gcp-literal-foreign-topic, apac, literal target",
    "gcp-literal-foreign-topic, apac, mentions foreign data stride-profile-events-us",
    "gcp-literal-foreign-secret, apac, literal target",
    "gcp-literal-foreign-secret, apac, mentions foreign data stride-directory-hash-key-eu",
    "gcp-foreign-secret-reference, apac, foreign reference",
    "aws-foreign-devices-bucket, eu, not an own-resource reference",
    "aws-foreign-devices-bucket, eu, mentions foreign data stride-devices-us",
    "aws-foreign-work-queue, us, mentions foreign data stride-devices-work-eu",
    "aws-foreign-work-queue, us, mentions foreign data :eu-central-1:",
    "aws-objects-of-a-table, eu, objects of a non-bucket",
    "aws-key-policy-lets-account-use, eu, the account may use the key",
    "aws-key-policy-foreign-principal, eu, key policy principal not an own role",
    "aws-key-policy-foreign-principal, eu, mentions foreign data stride-devices-worker-us",
    "aws-key-policy-service-unbound, eu, service principal not bound to an own resource",
    "aws-key-policy-service-foreign-topic, eu, service principal not bound to an own resource",
    "aws-key-policy-service-foreign-topic, eu, mentions foreign data stride-profile-events-us",
    "aws-key-policy-service-foreign-topic, eu, mentions foreign data :us-east-1:",
    "aws-foreign-region-key-lets-account-use, eu, the account may use the key",
    "gcp-literal-foreign-crypto-key, apac, literal target",
    "gcp-literal-foreign-crypto-key, apac, mentions foreign data stride-devices-eu",
  })
  void check_reportsAGrantThatBreaksResidency(String fixture, String region, String expected) {
    Map<RegionConfig, TfStack> stacks = new LinkedHashMap<>();
    for (RegionConfig r : ENV.regions()) {
      String json = r.id().equals(region) ? fixture(fixture) : "{}";
      stacks.put(r, TfStack.parse(r.stackName(), json));
    }

    List<ResidencyRules.Violation> violations = ResidencyRules.check(stacks);

    assertThat(violations)
        .extracting(ResidencyRules.Violation::detail)
        .anySatisfy(detail -> assertThat(detail).contains(expected));
    assertThat(violations)
        .allSatisfy(
            v -> assertThat(v.stack()).isEqualTo(ENV.region(region).orElseThrow().stackName()));
  }

  private static String fixture(String name) {
    try (InputStream in =
        ResidencyRulesTest.class.getResourceAsStream("/residency/" + name + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
