package app.stride.devices.pull;

import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.Provider;
import app.stride.devices.files.ActivityFileException;
import app.stride.devices.files.ActivityFiles;
import app.stride.devices.files.ImportLimits;
import app.stride.devices.files.MediaTypes;
import app.stride.devices.pull.FetchException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A downloaded activity file turned into a {@link FetchedActivity}: its format told by its first
 * bytes (a FIT header, a TCX or GPX root), falling back on the format asked for, then parsed with
 * the import's parsers and limits. A file that is not exactly one usable activity is {@code
 * REJECTED}; the message carries the parser's failure code, never file content.
 */
final class ActivityBytes {
  private ActivityBytes() {}

  static FetchedActivity parse(
      Provider provider, String activityId, byte[] body, String expected, ImportLimits limits) {
    String mediaType = mediaTypeOf(body, expected);
    List<ActivityData> activities;
    try {
      activities = ActivityFiles.parse(mediaType, new ByteArrayInputStream(body), limits);
    } catch (ActivityFileException e) {
      throw new FetchException(
          Reason.REJECTED, provider.wire() + ": the file is not usable: " + e.code(), null, e);
    } catch (IOException e) {
      throw new FetchException(Reason.REJECTED, provider.wire() + ": the file is unreadable");
    }
    if (activities.size() != 1) {
      throw new FetchException(
          Reason.REJECTED,
          provider.wire() + ": the file holds " + activities.size() + " activities");
    }
    return new FetchedActivity(activityId, mediaType, body, activities.get(0));
  }

  /** The media type the bytes show, or {@code expected} when they show none. */
  static String mediaTypeOf(byte[] body, String expected) {
    if (body.length >= 12
        && body[8] == '.'
        && body[9] == 'F'
        && body[10] == 'I'
        && body[11] == 'T') {
      return MediaTypes.FIT;
    }
    String head =
        new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1)
            .toLowerCase(Locale.ROOT);
    if (head.contains("<trainingcenterdatabase")) {
      return MediaTypes.TCX;
    }
    if (head.contains("<gpx")) {
      return MediaTypes.GPX;
    }
    return expected;
  }
}
