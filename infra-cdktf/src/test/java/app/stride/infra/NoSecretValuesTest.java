package app.stride.infra;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.infra.aws.EdgeProtection;
import app.stride.infra.aws.SettingsBundleSecret;
import app.stride.infra.capability.Capabilities;
import app.stride.infra.capability.Capability;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * No secret value is in any synthesized stack: a function gets a secret only as the ARN of a
 * Secrets Manager secret of its own stack ({@code <NAME>_ARN}) or, on GCP, as a Secret Manager
 * reference; no secret version (the only place a value could live) is declared, but for the GCP
 * region's Redis AUTH string, whose one version is a reference to the instance's computed {@code
 * auth_string} (in the state whatever is done, never in the JSON; {@code RegionRedisGcpTest}).
 */
class NoSecretValuesTest {

  /**
   * Variables whose value is a secret, the capabilities' secret settings included; infra may set
   * none of them as a plain variable.
   */
  private static final List<String> SECRET_VALUES =
      Stream.concat(
              Stream.of(
                  "STRIDE_CURSOR_KEY",
                  "STRIDE_DIRECTORY_SECRET",
                  "STRIDE_DIRECTORY_API_SECRET",
                  "STRIDE_SMTP_PASSWORD",
                  "STRIDE_CHAT_PUSH_SECRET",
                  "STRIDE_REDIS_PASSWORD"),
              Capabilities.ALL.stream()
                  .flatMap(c -> c.secrets().stream())
                  .map(Capability.SecretSetting::variable))
          .toList();

  private static final Pattern SECRET_ARN_REF =
      Pattern.compile("\\$\\{aws_secretsmanager_secret\\.([A-Za-z0-9_-]+)\\.arn\\}");
  private static final Pattern SECRET_ID_REF =
      Pattern.compile("\\$\\{google_secret_manager_secret\\.([A-Za-z0-9_-]+)\\.secret_id\\}");
  private static final Pattern AUTH_STRING_REF =
      Pattern.compile("\\$\\{google_redis_instance\\.([A-Za-z0-9_-]+)\\.auth_string\\}");

  @Test
  void noStack_declaresASecretVersionOrValue_butTheRedisAuthStringsReference() {
    SynthesizedStacks.all()
        .forEach(
            (name, stack) -> {
              assertThat(stack.resourceTypes())
                  .as(name)
                  .doesNotContain("aws_secretsmanager_secret_version", "random_password");
              assertThat(stack.json()).as(name).doesNotContain("secret_string", "secret_binary");
              Map<String, JsonNode> versions =
                  stack.resources("google_secret_manager_secret_version");
              assertThat(versions.size()).as(name).isLessThanOrEqualTo(1);
              for (JsonNode version : versions.values()) {
                Matcher m = AUTH_STRING_REF.matcher(version.path("secret_data").asString());
                assertThat(m.matches()).as("%s: %s", name, version).isTrue();
                assertThat(stack.resources("google_redis_instance")).containsKey(m.group(1));
                assertThat(version.path("secret").asString())
                    .as(name)
                    .isEqualTo(
                        stack.ref(
                            "google_secret_manager_secret",
                            stack.named(
                                "google_secret_manager_secret",
                                "secret_id",
                                "stride-redis-auth-" + regionId(name)),
                            "id"));
              }
              assertThat(count(stack.json(), "secret_data")).as(name).isEqualTo(versions.size());
            });
  }

  /** The region id of a regional stack's name, e.g. {@code apac} for the GCP stack. */
  private static String regionId(String stackName) {
    return SynthesizedStacks.config().regions().stream()
        .filter(r -> r.stackName().equals(stackName))
        .findFirst()
        .orElseThrow()
        .id();
  }

  @Test
  void noFunction_getsASecretAsAPlainVariable_orAnythingPasswordLike() {
    SynthesizedStacks.all()
        .forEach(
            (name, stack) ->
                FunctionEnvironments.of(stack)
                    .forEach(
                        (function, env) ->
                            assertThat(env.keySet())
                                .as("%s in %s", function, name)
                                .doesNotContainAnyElementsOf(SECRET_VALUES)
                                .noneMatch(k -> k.contains("PASSWORD") || k.endsWith("_KEY"))));
  }

  @Test
  void originSecret_reachesFunctionsOnlyAsAReferenceToTheSensitiveVariable() {
    int checked = 0;
    for (Map.Entry<String, TfStack> entry : SynthesizedStacks.all().entrySet()) {
      TfStack stack = entry.getValue();
      for (Map<String, String> env : FunctionEnvironments.of(stack).values()) {
        String value = env.get(EdgeProtection.ORIGIN_SECRET_ENV);
        if (value != null) {
          assertThat(value).as(entry.getKey()).isEqualTo("${var.origin_verify_secret}");
          assertThat(
                  stack
                      .root()
                      .path("variable")
                      .path(EdgeProtection.ORIGIN_SECRET_VARIABLE)
                      .path("sensitive")
                      .asBoolean())
              .as("%s declares the variable it references, as sensitive", entry.getKey())
              .isTrue();
          checked++;
        }
      }
    }
    assertThat(checked)
        .as("the auth HTTP function and every capability's in eu and us")
        .isEqualTo(2 * (Capabilities.ALL.size() + 1));
  }

  @Test
  void everySecretArnVariable_isAReferenceToASecretOfTheSameStack() {
    int checked = 0;
    for (Map.Entry<String, TfStack> entry : SynthesizedStacks.all().entrySet()) {
      TfStack stack = entry.getValue();
      for (Map<String, String> env : FunctionEnvironments.of(stack).values()) {
        for (Map.Entry<String, String> variable : env.entrySet()) {
          if (variable.getKey().endsWith("_SECRET_ARN")
              || SECRET_ARN_REF.matcher(variable.getValue()).matches()) {
            Matcher m = SECRET_ARN_REF.matcher(variable.getValue());
            assertThat(m.matches()).as(variable.toString()).isTrue();
            assertThat(stack.resources("aws_secretsmanager_secret")).containsKey(m.group(1));
            checked++;
          }
        }
      }
    }
    assertThat(checked)
        .as("auth (3 functions x 2), every capability function and the devices worker")
        .isGreaterThan(12 + 2 * Capabilities.ALL.size());
  }

  /**
   * The code reads a secret passed by ARN as {@code <NAME>_ARN} of the variable {@code <NAME>} it
   * reads, or as members of the settings bundle ({@code SecretsOverlay} in shared-aws): any other
   * name would reach no reader, and the function would start without its secret.
   */
  @Test
  void everySecretArnVariable_isNamedAfterTheVariableTheCodeReads_orIsTheSettingsBundle() {
    int checked = 0;
    for (Map.Entry<String, TfStack> entry : SynthesizedStacks.all().entrySet()) {
      for (Map.Entry<String, Map<String, String>> fn :
          FunctionEnvironments.of(entry.getValue()).entrySet()) {
        for (Map.Entry<String, String> variable : fn.getValue().entrySet()) {
          if (!SECRET_ARN_REF.matcher(variable.getValue()).matches()) {
            continue;
          }
          String name = variable.getKey();
          assertThat(name).as("%s in %s", name, fn.getKey()).endsWith("_ARN");
          if (!name.equals(SettingsBundleSecret.ARN_ENV)) {
            assertThat(name.substring(0, name.length() - "_ARN".length()))
                .as("%s in %s", name, fn.getKey())
                .isIn(SECRET_VALUES);
          }
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(12 + 2 * Capabilities.ALL.size());
  }

  @Test
  void gcpSecrets_areSecretManagerReferences_andTheirNamesAppearNowhereElse() {
    TfStack stack = SynthesizedStacks.region("apac");
    int references = 0;
    for (JsonNode fn : stack.resources("google_cloudfunctions2_function").values()) {
      for (JsonNode ref : fn.at("/service_config/secret_environment_variables").values()) {
        assertThat(ref.path("key").asString()).isIn(SECRET_VALUES);
        Matcher m = SECRET_ID_REF.matcher(ref.path("secret").asString());
        assertThat(m.matches()).as(ref.toString()).isTrue();
        assertThat(stack.resources("google_secret_manager_secret")).containsKey(m.group(1));
        assertThat(ref.path("version").asString()).isEqualTo("latest");
        references++;
      }
    }
    assertThat(references)
        .as(
            "three secrets for each of three auth functions, the chat push secret for social, the"
                + " cursor key and the Redis AUTH string for each capability's HTTP function, the"
                + " cursor key for each outbox relay whose store needs it, the Redis AUTH string for the auth HTTP"
                + " function, the devices settings for its HTTP function and the worker's for its"
                + " worker")
        .isEqualTo(
            11
                + 2 * Capabilities.ALL.size()
                + (int)
                    Capabilities.ALL.stream()
                        .filter(
                            c ->
                                c.outbox()
                                    .map(Capability.Outbox::storeNeedsCursorKey)
                                    .orElse(false))
                        .count()
                + Capabilities.DEVICES.secrets().size()
                + Capabilities.DEVICES.workerSecrets().size());
    for (String name : SECRET_VALUES) {
      int quoted = count(stack.json(), "\"" + name + "\"");
      int asKey =
          count(stack.json(), "\"key\": \"" + name + "\"")
              + count(stack.json(), "\"key\":\"" + name + "\"")
              + secretKeyRefs(stack, name);
      assertThat(quoted).as("%s outside a secret reference", name).isEqualTo(asKey);
    }
  }

  /** Cloud Run container variables named {@code name} whose value is a Secret Manager reference. */
  private static int secretKeyRefs(TfStack stack, String name) {
    int refs = 0;
    for (JsonNode service : stack.resources("google_cloud_run_v2_service").values()) {
      for (JsonNode container : service.at("/template/containers").values()) {
        for (JsonNode e : container.path("env").values()) {
          if (e.path("name").asString().equals(name)
              && SECRET_ID_REF
                  .matcher(e.at("/value_source/secret_key_ref/secret").asString())
                  .matches()) {
            refs++;
          }
        }
      }
    }
    return refs;
  }

  private static int count(String text, String needle) {
    int count = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      count++;
    }
    return count;
  }
}
