package app.stride.planner.ical;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A published calendar ({@code METHOD:PUBLISH}) of all-day events, written as RFC 5545 text.
 *
 * @param productId the {@code PRODID}, e.g. {@code -//Stride//Planner//EN}
 * @param name the calendar's display name ({@code X-WR-CALNAME}, and {@code NAME} of RFC 7986)
 * @param refreshInterval how often subscribers should fetch it again ({@code REFRESH-INTERVAL} of
 *     RFC 7986, and the {@code X-PUBLISHED-TTL} older clients read)
 * @param stamp when this copy was produced ({@code DTSTAMP} of every event, UTC)
 * @param events the events
 */
public record ICalendar(
    String productId,
    String name,
    Duration refreshInterval,
    Instant stamp,
    List<ICalEvent> events) {

  /** The media type of the text {@link #write()} produces. */
  public static final String MEDIA_TYPE = "text/calendar; charset=utf-8";

  /** The extension property carrying an event's marker (e.g. {@code done}). */
  public static final String MARKER_PROPERTY = "X-STRIDE-STATE";

  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter UTC_STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  public ICalendar {
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(stamp, "stamp");
    if (refreshInterval == null || refreshInterval.isNegative() || refreshInterval.isZero()) {
      throw new IllegalArgumentException("a refresh interval is positive");
    }
    events = List.copyOf(events);
  }

  /** The calendar as iCalendar text: folded content lines, each ending in CRLF. */
  public String write() {
    StringBuilder out = new StringBuilder(512 + events.size() * 400);
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:" + ContentLines.escapeText(productId));
    line(out, "CALSCALE:GREGORIAN");
    line(out, "METHOD:PUBLISH");
    line(out, "X-WR-CALNAME:" + ContentLines.escapeText(name));
    line(out, "NAME:" + ContentLines.escapeText(name));
    line(out, "REFRESH-INTERVAL;VALUE=DURATION:" + refreshInterval);
    line(out, "X-PUBLISHED-TTL:" + refreshInterval);
    String dtstamp = UTC_STAMP.format(stamp);
    for (ICalEvent event : events) {
      writeEvent(out, event, dtstamp);
    }
    line(out, "END:VCALENDAR");
    return out.toString();
  }

  private static void writeEvent(StringBuilder out, ICalEvent event, String dtstamp) {
    line(out, "BEGIN:VEVENT");
    line(out, "UID:" + event.uid());
    line(out, "DTSTAMP:" + dtstamp);
    line(out, "DTSTART;VALUE=DATE:" + DATE.format(event.day()));
    line(out, "DTEND;VALUE=DATE:" + DATE.format(event.day().plusDays(1)));
    line(out, "SUMMARY:" + ContentLines.escapeText(event.summary()));
    if (!event.description().isEmpty()) {
      line(out, "DESCRIPTION:" + ContentLines.escapeText(event.description()));
    }
    line(out, "STATUS:" + event.status().name());
    line(out, "TRANSP:TRANSPARENT");
    event.marker().ifPresent(m -> line(out, MARKER_PROPERTY + ":" + ContentLines.escapeText(m)));
    line(out, "END:VEVENT");
  }

  private static void line(StringBuilder out, String contentLine) {
    out.append(ContentLines.fold(contentLine));
  }
}
