package app.stride.edge.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.core.json.Json;
import app.stride.core.openapi.Operation;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateLimitConfigTest {

  private static final List<Operation> OPERATIONS = TestLimits.operations();

  @Test
  void shippedFile_loadsFromTheClasspath_andClassesEverySpecOperation() {
    RateLimitConfig config = RateLimitConfig.load(OPERATIONS);

    assertThat(OPERATIONS).isNotEmpty();
    for (Operation operation : OPERATIONS) {
      RouteClass routeClass = config.classFor(operation.operationId(), operation.method());
      assertThat(routeClass).as(operation.operationId()).isNotNull();
      assertThat(config.classes()).containsValue(routeClass);
      assertThat(routeClass.buckets()).as(operation.operationId()).containsKey(Dimension.IP);
    }
    assertThat(config.operationClasses().keySet())
        .containsExactlyInAnyOrderElementsOf(
            OPERATIONS.stream().map(Operation::operationId).toList());
  }

  @Test
  void shippedFile_makesAuthTheStrictestClass() {
    RateLimitConfig config = RateLimitConfig.load(OPERATIONS);
    BucketSpec auth = config.classes().get("auth").bucket(Dimension.IP).orElseThrow();

    for (String other : List.of("read", "write")) {
      BucketSpec spec = config.classes().get(other).bucket(Dimension.IP).orElseThrow();
      assertThat(auth.capacity()).isLessThanOrEqualTo(spec.capacity());
      assertThat(sustainedPerSecond(auth)).isLessThan(sustainedPerSecond(spec));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "login, POST, auth",
    "refreshTokens, POST, auth",
    "changePassword, POST, auth",
    "getMyProfile, GET, read",
    "getHealth, GET, read",
    "putMyProfile, PUT, write",
    "deleteMyProfile, DELETE, write",
    "createDevToken, POST, write",
    "getJwks, GET, read",
    "getMyAccount, GET, read"
  })
  void shippedFile_classesOperations_byFunctionMethodAndOverride(
      String operationId, String method, String expected) {
    RateLimitConfig config = RateLimitConfig.load(OPERATIONS);

    assertThat(config.classFor(operationId, method).name()).isEqualTo(expected);
  }

  @Test
  void unknownOperation_isClassedByItsMethod() {
    RateLimitConfig config = RateLimitConfig.load(OPERATIONS);

    assertThat(config.classFor(null, "get").name()).isEqualTo("read");
    assertThat(config.classFor("noSuchOperation", "HEAD").name()).isEqualTo("read");
    assertThat(config.classFor(null, "POST").name()).isEqualTo("write");
  }

  @Test
  void fixture_readsBucketsAndCustomClasses() {
    RateLimitConfig config = TestLimits.fixture("small-limits.yaml");

    assertThat(config.classes().get("auth").bucket(Dimension.IP))
        .contains(new BucketSpec(2, 1, Duration.ofSeconds(12)));
    assertThat(config.classes().get("write").bucket(Dimension.USER))
        .contains(new BucketSpec(2, 1, Duration.ofMinutes(1)));
    assertThat(config.classes().get("members").bucket(Dimension.IP)).isEmpty();
    assertThat(config.classFor("getMyAccount", "GET").name()).isEqualTo("members");
  }

  @Test
  void json_readsTheSameLimitsAsYaml() throws Exception {
    RateLimitConfig yaml = TestLimits.fixture("small-limits.yaml");
    byte[] json;
    try (InputStream in = TestLimits.open("small-limits.yaml")) {
      json = Json.toBytes(new tools.jackson.dataformat.yaml.YAMLMapper().readTree(in));
    }

    RateLimitConfig fromJson = RateLimitConfig.readJson(new ByteArrayInputStream(json), OPERATIONS);

    assertThat(fromJson.classes()).isEqualTo(yaml.classes());
    assertThat(fromJson.operationClasses()).isEqualTo(yaml.operationClasses());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown-class.yaml | operations.login names an unknown class \"strict\"",
        "unknown-operation.yaml | operations.logIn: no operation has this operationId",
        "missing-write-class.yaml | classes must define [write]",
        "unknown-member.yaml | classes.read.ip has an unknown member burst",
        "unknown-dimension.yaml | classes.read has an unknown member tenant",
        "bad-period.yaml | classes.read.ip.period must be <n>s, <n>m or <n>h",
        "zero-capacity.yaml | classes.auth.ip.capacity must be a whole number from 1 to 1000000",
        "empty-class.yaml | classes.auth: route class auth has no bucket",
        "wrong-version.yaml | version must be 1",
        "duplicate-class.yaml | cannot be parsed: Duplicate"
      })
  void badFile_failsFast_namingTheCulprit(String fixture, String message) {
    assertThatThrownBy(() -> TestLimits.fixture(fixture)).hasMessageContaining(message);
  }

  private static double sustainedPerSecond(BucketSpec spec) {
    return spec.refillTokens() / (spec.refillPeriod().toMillis() / 1000.0);
  }
}
