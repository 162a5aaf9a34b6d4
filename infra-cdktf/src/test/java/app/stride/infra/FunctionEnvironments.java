package app.stride.infra;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The plain environment variables of every function of a synthesized stack, by function name. */
public final class FunctionEnvironments {

  private FunctionEnvironments() {}

  /**
   * Lambda {@code environment.variables}, Cloud Functions {@code
   * service_config.environment_variables} and Cloud Run containers' plain {@code env} (secret
   * references are not in these maps).
   */
  public static Map<String, Map<String, String>> of(TfStack stack) {
    Map<String, Map<String, String>> all = new LinkedHashMap<>();
    stack
        .resources("aws_lambda_function")
        .values()
        .forEach(
            fn ->
                all.put(
                    fn.path("function_name").asString(), strings(fn.at("/environment/variables"))));
    stack
        .resources("google_cloudfunctions2_function")
        .values()
        .forEach(
            fn ->
                all.put(
                    fn.path("name").asString(),
                    strings(fn.at("/service_config/environment_variables"))));
    stack
        .resources("google_cloud_run_v2_service")
        .values()
        .forEach(
            service -> {
              Map<String, String> env = new LinkedHashMap<>();
              service
                  .at("/template/containers")
                  .values()
                  .forEach(
                      c ->
                          c.path("env")
                              .values()
                              .forEach(
                                  e -> {
                                    // Plain values only: a value_source is a secret reference.
                                    if (e.has("value")) {
                                      env.put(
                                          e.path("name").asString(), e.path("value").asString());
                                    }
                                  }));
              all.put(service.path("name").asString(), env);
            });
    return all;
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> map = new LinkedHashMap<>();
    object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asString()));
    return map;
  }
}
