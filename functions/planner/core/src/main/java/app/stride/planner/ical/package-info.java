/**
 * A small iCalendar (RFC 5545) writer: a published calendar of all-day events, with TEXT escaping,
 * line folding at 75 octets that never splits a UTF-8 sequence, and CRLF line ends. It knows no
 * planner type (ArchUnit-tested): the HTTP adapter maps the schedule to {@link
 * app.stride.planner.ical.ICalEvent}s.
 */
package app.stride.planner.ical;
