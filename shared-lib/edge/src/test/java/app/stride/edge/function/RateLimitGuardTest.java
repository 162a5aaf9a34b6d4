package app.stride.edge.function;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.core.config.Env;
import app.stride.core.function.ApiFunction;
import app.stride.core.http.ApiResponse;
import app.stride.edge.ratelimit.EdgeRateLimits;
import app.stride.edge.ratelimit.RateLimitConfig;
import app.stride.edge.ratelimit.RateLimitSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The guard over the real limits file and the real mobile API, on a stopped clock (no refill): a
 * burst from one address beyond the auth class's IP bucket (60) is refused with the IETF headers.
 */
class RateLimitGuardTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final EdgeRateLimits limits =
      EdgeRateLimits.create(
          RateLimitConfig.load(EdgeFixtures.MOBILE_API.operations()),
          RateLimitSettings.from(new Env(Map.of())),
          Clock.fixed(Instant.parse("2025-05-01T10:00:00Z"), ZoneOffset.UTC),
          registry);
  private final AtomicInteger handled = new AtomicInteger();

  @Test
  void burstOverTheAuthIpLimit_is429_withRetryAfterAndRateLimitHeaders_handlerNotRun() {
    ApiFunction auth = EdgeFixtures.function("auth", handled).withGuard(new RateLimitGuard(limits));
    List<ApiResponse> answers = new ArrayList<>();

    for (int i = 0; i < 62; i++) {
      answers.add(auth.apply(EdgeFixtures.login("198.51.100.20")));
    }

    assertThat(answers.subList(0, 60)).allSatisfy(a -> assertThat(a.status()).isEqualTo(204));
    assertThat(answers.get(0).header("RateLimit-Policy")).contains("\"auth-ip\";q=60;w=60");
    assertThat(answers.get(0).header("RateLimit")).contains("\"auth-ip\";r=59;");
    assertThat(answers.subList(60, 62))
        .allSatisfy(
            refused -> {
              assertThat(refused.status()).isEqualTo(429);
              assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
              assertThat(refused.bodyText()).contains("https://stride.app/problems/rate-limited");
              assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
              assertThat(refused.header("RateLimit")).contains("\"auth-ip\";r=0;");
              assertThat(refused.header("RateLimit-Policy")).contains("\"auth-ip\";q=60;w=60");
            });
    assertThat(handled).hasValue(60);
    assertThat(
            registry
                .get(EdgeRateLimits.DECISIONS)
                .tag("route_class", "auth")
                .tag("outcome", "limited")
                .counter()
                .count())
        .isEqualTo(2);
  }

  @Test
  void anotherAddress_keepsItsOwnBudget() {
    ApiFunction auth = EdgeFixtures.function("auth", handled).withGuard(new RateLimitGuard(limits));
    for (int i = 0; i < 60; i++) {
      auth.apply(EdgeFixtures.login("198.51.100.20"));
    }

    assertThat(auth.apply(EdgeFixtures.login("198.51.100.20")).status()).isEqualTo(429);
    assertThat(auth.apply(EdgeFixtures.login("198.51.100.21")).status()).isEqualTo(204);
  }

  @Test
  void authenticatedCaller_isLimitedPerUser_acrossAddresses() {
    ApiFunction profiles =
        EdgeFixtures.function("profiles", handled).withGuard(new RateLimitGuard(limits));
    List<Integer> statuses = new ArrayList<>();

    // The write class allows a user 30 at once; each call comes from a fresh address.
    for (int i = 0; i < 31; i++) {
      statuses.add(
          profiles
              .apply(
                  EdgeFixtures.request(
                      "DELETE",
                      "/v1/me/profile",
                      Map.of("Authorization", "Bearer good-u1"),
                      null,
                      "203.0.113." + i))
              .status());
    }
    ApiResponse otherUser =
        profiles.apply(
            EdgeFixtures.request(
                "DELETE",
                "/v1/me/profile",
                Map.of("Authorization", "Bearer good-u2"),
                null,
                "203.0.113.1"));

    assertThat(statuses.subList(0, 30)).containsOnly(204);
    assertThat(statuses.get(30)).isEqualTo(429);
    assertThat(otherUser.status()).isEqualTo(204);
  }

  @Test
  void forgedTokens_spendTheAddressBudget_thenGet429() {
    ApiFunction profiles =
        EdgeFixtures.function("profiles", handled).withGuard(new RateLimitGuard(limits));
    List<Integer> statuses = new ArrayList<>();

    // The write class allows an address 60 at once.
    for (int i = 0; i < 61; i++) {
      statuses.add(
          profiles
              .apply(
                  EdgeFixtures.request(
                      "DELETE",
                      "/v1/me/profile",
                      Map.of("Authorization", "Bearer forged-" + i),
                      null,
                      "192.0.2.99"))
              .status());
    }

    assertThat(statuses.subList(0, 60)).containsOnly(401);
    assertThat(statuses.get(60)).isEqualTo(429);
    assertThat(handled).hasValue(0);
  }
}
