package app.stride.planner;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.apispecs.ApiSpecs;
import app.stride.core.auth.Principal;
import app.stride.core.auth.TokenVerifier;
import app.stride.core.function.ApiFunction;
import app.stride.core.http.ApiRequest;
import app.stride.core.http.ApiResponse;
import app.stride.core.json.Json;
import app.stride.core.openapi.OpenApiSpec;
import app.stride.core.openapi.RequestValidator;
import app.stride.core.openapi.ResponseValidator;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.planner.PlannerHttpTest.MovableClock;
import app.stride.planner.adapter.out.library.ClasspathPlanLibrary;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The calendar feed through the planner HTTP function: issue, fetch without a bearer token, rotate,
 * revoke, forged tokens, languages; every answer checked against the spec.
 */
class CalendarFeedHttpTest {
  private static final RegionId EU = RegionId.of("eu");
  private static final String FEED_PREFIX = "https://api.stride.test/v1/calendar/";

  private static final TokenVerifier VERIFIER =
      token -> {
        String[] parts = token.split("@");
        if (parts.length != 2) {
          throw new ProblemException(ProblemType.UNAUTHORIZED, "bad token");
        }
        return new Principal(parts[0], RegionId.of(parts[1]), Set.of(), "jti");
      };

  /** Monday 2030-03-04, 08:00 in Berlin. */
  private final MovableClock clock = new MovableClock(Instant.parse("2030-03-04T07:00:00Z"));

  private final InMemoryMyPlanStore plans = new InMemoryMyPlanStore(EU);
  private final InMemoryCalendarFeedStore feeds = new InMemoryCalendarFeedStore(EU);
  private final ApiFunction function =
      PlannerFunctions.http(
          ClasspathPlanLibrary.load(),
          plans,
          feeds,
          (user, id, home) -> Optional.empty(),
          VERIFIER,
          EU,
          Optional.of(URI.create("https://api.stride.test/")),
          clock);
  private final ResponseValidator contract =
      new ResponseValidator(
          new RequestValidator(OpenApiSpec.read("mobile-api", ApiSpecs.mobileApi())));

  @Test
  void issue_thenFetchWithoutBearer_answersTheScheduleAsTextCalendar() {
    startTenK("ana@eu");

    ApiResponse issued = send("POST", "/v1/me/calendar-feed", "ana@eu", Map.of());
    assertThat(issued.status()).as(issued.bodyText()).isEqualTo(201);
    assertThat(issued.header("Cache-Control")).isEqualTo("no-store");
    JsonNode link = json(issued);
    String url = link.path("url").asString();
    assertThat(url).startsWith(FEED_PREFIX + "eu.").hasSize(FEED_PREFIX.length() + 46);
    assertThat(link.path("webcalUrl").asString()).isEqualTo(url.replace("https://", "webcal://"));

    ApiResponse feed = fetch(url, Map.of());

    assertThat(feed.status()).as(feed.bodyText()).isEqualTo(200);
    assertThat(feed.header("Content-Type")).isEqualTo("text/calendar; charset=utf-8");
    assertThat(feed.header("Cache-Control")).isEqualTo("no-store");
    List<Map<String, String>> events = events(feed);
    assertThat(events).hasSize(30); // the whole 10-week plan, 3 sessions a week, is in range
    String myPlanId = plans.plans.keySet().iterator().next().value();
    assertThat(events.get(0))
        .containsEntry("UID", myPlanId + "-w01-s1@stride.app")
        .containsEntry("DTSTART;VALUE=DATE", "20300305")
        .containsEntry("DTEND;VALUE=DATE", "20300306")
        .containsEntry("DTSTAMP", "20300304T070000Z")
        .containsEntry("SUMMARY", "Easy run")
        .containsEntry("STATUS", "CONFIRMED")
        .containsEntry("X-STRIDE-STATE", "planned");
    assertThat(events.get(0).get("DESCRIPTION"))
        .contains("Duration: 25 min")
        .contains("Effort: RPE")
        .contains("Plan: Your first 10K\\, week 1");
  }

  @Test
  void rotate_makesTheOldUrl404_andRevoke_makesTheNewOne404() {
    startTenK("ana@eu");
    String first = issue("ana@eu");

    String second = issue("ana@eu");

    assertThat(second).isNotEqualTo(first);
    assertThat(fetch(first, Map.of()).status()).isEqualTo(404);
    assertThat(fetch(second, Map.of()).status()).isEqualTo(200);

    ApiResponse revoked = send("DELETE", "/v1/me/calendar-feed", "ana@eu", Map.of());

    assertThat(revoked.status()).isEqualTo(204);
    assertThat(fetch(second, Map.of()).status()).isEqualTo(404);
    assertThat(fetch(first, Map.of()).status()).isEqualTo(404);
    assertThat(send("DELETE", "/v1/me/calendar-feed", "ana@eu", Map.of()).status())
        .as("revoking nothing")
        .isEqualTo(204);
    assertThat(feeds.lookups).isEmpty();
  }

  @Test
  void rotate_thatCrashesBeforeRemovingTheOldLookup_stillRefusesTheOldUrl() {
    String first = issue("ana@eu");
    feeds.failLookupRemovals();

    String second = issue("ana@eu");

    assertThat(feeds.lookups).hasSize(2);
    assertThat(fetch(first, Map.of()).status()).isEqualTo(404);
    assertThat(fetch(second, Map.of()).status()).isEqualTo(200);
  }

  @Test
  void rotate_losingARace_retriesOnTheNewFeed_andLeavesOnlyTheWinnersTokenValid() {
    String first = issue("ana@eu");
    List<String> raced = new ArrayList<>();
    feeds.beforeNextSave(() -> raced.add(issue("ana@eu")));

    String mine = issue("ana@eu");

    assertThat(fetch(mine, Map.of()).status()).isEqualTo(200);
    assertThat(fetch(raced.get(0), Map.of()).status()).isEqualTo(404);
    assertThat(fetch(first, Map.of()).status()).isEqualTo(404);
    assertThat(feeds.lookups).hasSize(1);
  }

  @Test
  void forgedOrForeignTokens_are404_evenForAnExistingUser() {
    String real = issue("ana@eu");
    String token = real.substring(FEED_PREFIX.length());
    char last = token.charAt(token.length() - 1);
    String flipped = token.substring(0, token.length() - 1) + (last == 'A' ? 'E' : 'A');

    Map<String, ApiResponse> answers = new LinkedHashMap<>();
    answers.put("forged", fetch(FEED_PREFIX + "eu." + "A".repeat(43), Map.of()));
    answers.put("last character changed", fetch(FEED_PREFIX + flipped, Map.of()));
    answers.put("other region", fetch(FEED_PREFIX + "us" + token.substring(2), Map.of()));
    answers.put("too short", fetch(FEED_PREFIX + "eu.abc", Map.of()));
    answers.put("no region", fetch(FEED_PREFIX + token.substring(3), Map.of()));

    assertThat(answers)
        .allSatisfy(
            (what, response) -> {
              assertThat(response.status()).as(what).isEqualTo(404);
              assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
              assertThat(response.bodyText()).doesNotContain("ana");
            });
  }

  @Test
  void acceptLanguage_localisesTheSummary_elseTheLanguageChosenAtIssue() {
    startTenK("ana@eu");
    String url = issue("ana@eu", Map.of("Accept-Language", "de-AT, de;q=0.9"));

    ApiResponse german = fetch(url, Map.of());
    ApiResponse english = fetch(url, Map.of("Accept-Language", "en-GB"));

    assertThat(german.header("Content-Language")).isEqualTo("de");
    assertThat(events(german).get(0).get("SUMMARY")).isEqualTo("Lockerer Lauf");
    assertThat(german.bodyText()).contains("X-WR-CALNAME:Stride-Training");
    assertThat(english.header("Content-Language")).isEqualTo("en");
    assertThat(events(english).get(0).get("SUMMARY")).isEqualTo("Easy run");
  }

  @Test
  void doneAndSkippedSessions_areMarked_andUidsStayAcrossFetches() {
    String plan = startTenK("ana@eu");
    String url = issue("ana@eu");
    List<String> before = events(fetch(url, Map.of())).stream().map(e -> e.get("UID")).toList();
    send(
        "PATCH",
        "/v1/me/plans/" + plan + "/sessions/w01-s1",
        "ana@eu",
        Map.of(),
        "{\"status\":\"done\"}");
    send(
        "PATCH",
        "/v1/me/plans/" + plan + "/sessions/w01-s2",
        "ana@eu",
        Map.of(),
        "{\"status\":\"skipped\"}");
    clock.set(Instant.parse("2030-03-07T12:00:00Z"));

    List<Map<String, String>> after = events(fetch(url, Map.of()));

    assertThat(after).extracting(e -> e.get("UID")).isEqualTo(before);
    assertThat(after.get(0))
        .containsEntry("SUMMARY", "\u2713 Easy run")
        .containsEntry("X-STRIDE-STATE", "done")
        .containsEntry("DTSTAMP", "20300307T120000Z");
    assertThat(after.get(1))
        .containsEntry("STATUS", "CANCELLED")
        .containsEntry("X-STRIDE-STATE", "skipped");
  }

  @Test
  void feed_coversFourWeeksBack_andDropsAbandonedPlans() {
    String plan = startTenK("ana@eu");
    String url = issue("ana@eu");
    clock.set(Instant.parse("2030-04-15T07:00:00Z")); // Monday of week 7: weeks 1-2 are gone

    List<Map<String, String>> events = events(fetch(url, Map.of()));

    // 28 days back is Monday 2030-03-18: week 2's Sunday (17th) is out, week 3's Tuesday is in
    assertThat(events.get(0).get("DTSTART;VALUE=DATE")).isEqualTo("20300319");
    assertThat(events.get(0).get("X-STRIDE-STATE")).isEqualTo("missed");
    send("POST", "/v1/me/plans/" + plan + "/abandon", "ana@eu", Map.of());
    assertThat(events(fetch(url, Map.of()))).isEmpty();
  }

  @Test
  void issueAndRevoke_needABearerToken_ofThisRegion() {
    assertThat(send("POST", "/v1/me/calendar-feed", null, Map.of()).status()).isEqualTo(401);
    assertThat(send("DELETE", "/v1/me/calendar-feed", null, Map.of()).status()).isEqualTo(401);
    assertThat(send("POST", "/v1/me/calendar-feed", "ana@us", Map.of()).status()).isEqualTo(421);
    assertThat(feeds.feeds).isEmpty();
  }

  private String startTenK(String token) {
    ApiResponse started =
        send(
            "POST",
            "/v1/me/plans",
            token,
            Map.of(),
            "{\"planId\":\"running-10k-beginner\",\"startDate\":\"2030-03-04\",\"daysPerWeek\":3,"
                + "\"timeZone\":\"Europe/Berlin\"}");
    assertThat(started.status()).as(started.bodyText()).isEqualTo(201);
    return json(started).path("id").asString();
  }

  private String issue(String token) {
    return issue(token, Map.of());
  }

  private String issue(String token, Map<String, String> headers) {
    ApiResponse issued = send("POST", "/v1/me/calendar-feed", token, headers);
    assertThat(issued.status()).as(issued.bodyText()).isEqualTo(201);
    return json(issued).path("url").asString();
  }

  private ApiResponse fetch(String url, Map<String, String> headers) {
    return send("GET", url.substring("https://api.stride.test".length()), null, headers);
  }

  private ApiResponse send(String method, String path, String token, Map<String, String> extra) {
    return send(method, path, token, extra, null);
  }

  private ApiResponse send(
      String method, String path, String token, Map<String, String> extra, String body) {
    Map<String, String> headers = new HashMap<>(extra);
    if (token != null) {
      headers.put("Authorization", "Bearer " + token);
    }
    if (body != null) {
      headers.put("Content-Type", "application/json");
    }
    ApiRequest request =
        new ApiRequest(
            method,
            path,
            Map.of(),
            headers,
            body == null ? null : body.getBytes(StandardCharsets.UTF_8),
            "203.0.113.9",
            "req-1");
    ApiResponse response = function.apply(request);
    function
        .spec()
        .find(method, path)
        .ifPresent(
            op -> assertThat(contract.violations(op, response)).as(response.bodyText()).isEmpty());
    return response;
  }

  /** The events of a feed, unfolded, values left escaped. */
  private static List<Map<String, String>> events(ApiResponse feed) {
    List<Map<String, String>> events = new ArrayList<>();
    Map<String, String> current = null;
    String unfolded = feed.bodyText().replace("\r\n ", "");
    for (String line : unfolded.split("\r\n")) {
      if (line.equals("BEGIN:VEVENT")) {
        current = new LinkedHashMap<>();
      } else if (line.equals("END:VEVENT")) {
        events.add(current);
      } else if (current != null) {
        current.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1));
      }
    }
    return events;
  }

  private static JsonNode json(ApiResponse response) {
    return Json.mapper().readTree(response.body());
  }
}
