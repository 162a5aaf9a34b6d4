package app.stride.planner.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ICalendarTest {
  private static final Instant STAMP = Instant.parse("2030-03-04T07:00:00Z");
  private static final String LONG_DESCRIPTION =
      "Warm up, then 4 × 400 m at 5K pace; jog 200 m between, relaxed.\n"
          + "Duration: 40 min\nEffort: RPE 7–8 of 10\nPlan: Your first 10K, week 3\nDone";

  @Test
  void write_matchesTheGoldenFile() throws IOException {
    String expected = resource("/planner/ical/golden.ics").replace("\n", "\r\n");

    assertThat(calendar(STAMP).write()).isEqualTo(expected);
  }

  @Test
  void write_endsEveryLineWithCrlf_andNoLineIsLongerThan75Octets() {
    String text = calendar(STAMP).write();

    assertThat(text).endsWith("END:VCALENDAR\r\n");
    assertThat(text.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
    assertThat(text.split("\r\n"))
        .allSatisfy(
            line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length)
                    .as(line)
                    .isLessThanOrEqualTo(75));
  }

  @Test
  void write_roundTripsThroughUnfoldingAndUnescaping() {
    List<Map<String, String>> events = ICalLines.events(calendar(STAMP).write());

    assertThat(events).hasSize(3);
    Map<String, String> done = events.get(0);
    assertThat(done.get("UID")).isEqualTo("mp_01jbcdefghjkmnpqrstvwxyz01-w03-s1@stride.app");
    assertThat(done.get("DTSTAMP")).isEqualTo("20300304T070000Z");
    assertThat(done.get("DTSTART;VALUE=DATE")).isEqualTo("20300318");
    assertThat(done.get("DTEND;VALUE=DATE")).isEqualTo("20300319");
    assertThat(ICalLines.unescape(done.get("SUMMARY"))).isEqualTo("✓ Intervals, 4 × 400 m");
    assertThat(ICalLines.unescape(done.get("DESCRIPTION"))).isEqualTo(LONG_DESCRIPTION);
    assertThat(done.get("X-STRIDE-STATE")).isEqualTo("done");
    assertThat(events.get(1).get("STATUS")).isEqualTo("CANCELLED");
    assertThat(events.get(2)).doesNotContainKey("DESCRIPTION");
    assertThat(ICalLines.unescape(events.get(2).get("SUMMARY")))
        .isEqualTo("Back\\slash; semi, comma");
  }

  @Test
  void write_keepsUidsAcrossStamps_andOnlyDtstampChanges() {
    String first = calendar(STAMP).write();
    String later = calendar(STAMP.plus(Duration.ofHours(6))).write();

    assertThat(ICalLines.events(later))
        .extracting(e -> e.get("UID"))
        .isEqualTo(ICalLines.events(first).stream().map(e -> e.get("UID")).toList());
    assertThat(later.replace("20300304T130000Z", "20300304T070000Z")).isEqualTo(first);
  }

  @Test
  void write_declaresAPublishedGregorianCalendarWithItsNameAndRefreshInterval() {
    List<String> lines = ICalLines.unfold(calendar(STAMP).write());

    assertThat(lines)
        .startsWith(
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Stride//Planner//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:Stride training\\, Ana",
            "NAME:Stride training\\, Ana",
            "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
            "X-PUBLISHED-TTL:PT6H");
  }

  @Test
  void event_refusesAUidWithSpaces() {
    assertThatThrownBy(
            () ->
                new ICalEvent(
                    "a b", LocalDate.of(2030, 3, 4), "x", "", ICalEvent.Status.CONFIRMED, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static ICalendar calendar(Instant stamp) {
    return new ICalendar(
        "-//Stride//Planner//EN",
        "Stride training, Ana",
        Duration.ofHours(6),
        stamp,
        List.of(
            new ICalEvent(
                "mp_01jbcdefghjkmnpqrstvwxyz01-w03-s1@stride.app",
                LocalDate.of(2030, 3, 18),
                "✓ Intervals, 4 × 400 m",
                LONG_DESCRIPTION,
                ICalEvent.Status.CONFIRMED,
                Optional.of("done")),
            new ICalEvent(
                "mp_01jbcdefghjkmnpqrstvwxyz01-w03-s2@stride.app",
                LocalDate.of(2030, 3, 20),
                "Easy run",
                "Run at a relaxed, conversational pace.",
                ICalEvent.Status.CANCELLED,
                Optional.of("skipped")),
            new ICalEvent(
                "mp_01jbcdefghjkmnpqrstvwxyz01-w03-s3@stride.app",
                LocalDate.of(2030, 12, 31),
                "Back\\slash; semi, comma",
                "",
                ICalEvent.Status.CONFIRMED,
                Optional.empty())));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ICalendarTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
