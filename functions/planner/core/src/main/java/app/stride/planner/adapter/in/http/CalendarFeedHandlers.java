package app.stride.planner.adapter.in.http;

import app.stride.core.function.ApiCall;
import app.stride.core.function.ApiFunction;
import app.stride.core.http.ApiResponse;
import app.stride.core.json.Json;
import app.stride.planner.application.port.in.CalendarFeedUseCase;
import app.stride.planner.application.port.in.CalendarFeedUseCase.Feed;
import app.stride.planner.application.port.in.CalendarFeedUseCase.IssuedFeed;
import app.stride.planner.ical.ICalendar;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * The calendar feed operations: {@code POST|DELETE /v1/me/calendar-feed} (bearer) issue, rotate and
 * revoke the caller's feed URL; {@code GET /v1/calendar/{feedToken}} (no bearer: calendar apps
 * cannot send one) answers the schedule as {@code text/calendar}.
 */
public final class CalendarFeedHandlers {
  private static final String NO_STORE = "no-store";

  private final CalendarFeedUseCase feeds;
  private final FeedLinks links;

  /**
   * @param feeds the use case
   * @param publicApiUrl the API's public base URL for feed links; empty to use the request's host
   */
  public CalendarFeedHandlers(CalendarFeedUseCase feeds, Optional<URI> publicApiUrl) {
    this.feeds = feeds;
    this.links = new FeedLinks(publicApiUrl);
  }

  /** Adds the handlers to a function builder. */
  public ApiFunction.Builder register(ApiFunction.Builder builder) {
    return builder
        .on("issueMyCalendarFeed", this::issue)
        .on("revokeMyCalendarFeed", this::revoke)
        .on("getCalendarFeed", this::feed);
  }

  ApiResponse issue(ApiCall call) {
    Locale locale = PlanTexts.negotiate(call.header("Accept-Language"));
    IssuedFeed issued = feeds.issue(call.caller(), locale.toLanguageTag());
    String url = links.url(call.request(), issued.token());
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("url", url);
    body.put("webcalUrl", FeedLinks.webcal(url));
    body.put("language", issued.feed().language());
    body.put("createdAt", issued.feed().createdAt().toString());
    return ApiResponse.json(201, body).withHeader("Cache-Control", NO_STORE);
  }

  ApiResponse revoke(ApiCall call) {
    feeds.revoke(call.caller());
    return ApiResponse.empty(204).withHeader("Cache-Control", NO_STORE);
  }

  ApiResponse feed(ApiCall call) {
    String path = call.request().path();
    Feed feed = feeds.read(path.substring(path.lastIndexOf('/') + 1));
    Locale locale =
        call.header("Accept-Language")
            .filter(header -> !header.isBlank())
            .map(header -> PlanTexts.negotiate(Optional.of(header)))
            .orElseGet(() -> PlanTexts.negotiate(Optional.of(feed.language())));
    String text = new CalendarFeedIcs(locale).calendar(feed).write();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", ICalendar.MEDIA_TYPE);
    headers.put("Content-Language", locale.toLanguageTag());
    headers.put("Content-Disposition", "inline; filename=\"stride-training.ics\"");
    headers.put("Cache-Control", NO_STORE);
    return new ApiResponse(200, headers, text.getBytes(StandardCharsets.UTF_8));
  }
}
