package app.stride.core.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.http.ApiRequest;
import app.stride.core.problem.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

class RequestValidatorLazyRegistryTest {
  private static final String THING = "#/components/schemas/Thing";

  @Test
  void construction_andBodilessRequests_doNotBuildTheSchemaRegistry() {
    RequestValidator validator = new RequestValidator(RequestValidatorTest.spec());

    ValidatedRequest get =
        validator.validate(
            new ApiRequest("GET", "/v1/things/1", Map.of(), Map.of(), new byte[0], "ip", "r1"));

    assertThat(get.operation().operationId()).isEqualTo("getThing");
    assertThat(validator.schemaRegistryBuilt()).isFalse();
  }

  @Test
  void firstBodyCheck_buildsTheRegistry_andValidates() {
    RequestValidator validator = new RequestValidator(RequestValidatorTest.spec());

    ValidatedRequest put =
        validator.validate(
            new ApiRequest(
                "PUT",
                "/v1/things/1",
                Map.of(),
                Map.of("Content-Type", "application/json"),
                "{\"name\":\"shoe\"}".getBytes(StandardCharsets.UTF_8),
                "ip",
                "r2"));

    assertThat(put.body().path("name").asString()).isEqualTo("shoe");
    assertThat(validator.schemaRegistryBuilt()).isTrue();
  }

  @Test
  void concurrentFirstChecks_allValidate_asOne() throws Exception {
    RequestValidator validator = new RequestValidator(RequestValidatorTest.spec());
    JsonNode invalid = JsonNodeFactory.instance.objectNode().put("colour", "red");
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<FieldError>>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return validator.check(THING, invalid);
                }));
      }
      start.countDown();

      List<FieldError> first = results.get(0).get(30, TimeUnit.SECONDS);
      assertThat(first).isNotEmpty();
      for (Future<List<FieldError>> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(first);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
