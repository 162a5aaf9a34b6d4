package app.stride.planner.adapter.in.http;

import app.stride.planner.application.port.in.CalendarFeedUseCase.Feed;
import app.stride.planner.application.port.in.ViewScheduleUseCase.Entry;
import app.stride.planner.domain.DatedSession;
import app.stride.planner.domain.Intensity;
import app.stride.planner.domain.TemplateSession;
import app.stride.planner.ical.ICalEvent;
import app.stride.planner.ical.ICalendar;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps a feed's sessions to iCalendar events, texts in one language: one all-day event per session
 * with a UID stable across fetches ({@code <myPlanId>-<sessionId>@stride.app}), the session's title
 * as summary (a check mark once done), its instructions, duration or distance, intensity and plan
 * as description, {@code CANCELLED} once skipped, and its state in {@value
 * ICalendar#MARKER_PROPERTY}.
 */
final class CalendarFeedIcs {
  /** The calendar's product id. */
  static final String PRODUCT_ID = "-//Stride//Planner//EN";

  /** How often calendar apps should fetch the feed again. */
  static final Duration REFRESH = Duration.ofHours(6);

  private static final String UID_DOMAIN = "@stride.app";
  private static final String DONE_MARK = "\u2713 ";

  private final Locale locale;

  CalendarFeedIcs(Locale locale) {
    this.locale = locale;
  }

  ICalendar calendar(Feed feed) {
    List<ICalEvent> events = new ArrayList<>(feed.entries().size());
    feed.entries().forEach(entry -> events.add(event(entry)));
    return new ICalendar(PRODUCT_ID, text("calendar.name"), REFRESH, feed.generatedAt(), events);
  }

  /** The stable UID of a session of a plan. */
  static String uid(String myPlanId, String sessionId) {
    return myPlanId + "-" + sessionId + UID_DOMAIN;
  }

  private ICalEvent event(Entry entry) {
    DatedSession session = entry.session();
    DatedSession.State state = session.state(entry.plan().today());
    TemplateSession template = session.session();
    String title = text(template.titleKey());
    return new ICalEvent(
        uid(entry.plan().plan().id().value(), session.id().value()),
        session.date(),
        state == DatedSession.State.DONE ? DONE_MARK + title : title,
        description(entry, template, state),
        state == DatedSession.State.SKIPPED
            ? ICalEvent.Status.CANCELLED
            : ICalEvent.Status.CONFIRMED,
        Optional.of(state.wireName()));
  }

  private String description(Entry entry, TemplateSession template, DatedSession.State state) {
    List<String> lines = new ArrayList<>();
    lines.add(text(template.descriptionKey()));
    if (template.durationMinutes() != null) {
      lines.add(format("calendar.duration", template.durationMinutes()));
    }
    if (template.distanceMeters() != null) {
      lines.add(format("calendar.distance", template.distanceMeters() / 1000.0));
    }
    Intensity intensity = template.intensity();
    lines.add(
        format(
            "calendar.intensity." + intensity.scale().wireName(),
            intensity.min(),
            intensity.max()));
    lines.add(
        format(
            "calendar.plan",
            text(entry.plan().template().titleKey()),
            entry.session().id().week()));
    lines.add(text("calendar.state." + state.wireName()));
    return String.join("\n", lines);
  }

  private String text(String key) {
    return PlanTexts.text(key, locale);
  }

  private String format(String key, Object... arguments) {
    return new MessageFormat(text(key), locale).format(arguments);
  }
}
