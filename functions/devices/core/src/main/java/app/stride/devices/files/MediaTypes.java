package app.stride.devices.files;

import java.util.Locale;
import java.util.Optional;

/** The media types a file import accepts, and the format each names. */
public final class MediaTypes {
  /** A Garmin FIT file. */
  public static final String FIT = "application/fit";

  /** A GPX 1.0 or 1.1 track. */
  public static final String GPX = "application/gpx+xml";

  /** A Garmin Training Center file. */
  public static final String TCX = "application/vnd.garmin.tcx+xml";

  /** A zip: an Apple Health export or a bundle of FIT/GPX/TCX files. */
  public static final String ZIP = "application/zip";

  private MediaTypes() {}

  /** The formats a file may have. */
  public enum Format {
    FIT,
    GPX,
    TCX,
    ZIP
  }

  /**
   * The format of a {@code Content-Type} value, parameters (e.g. {@code ; charset=utf-8}) and case
   * ignored; empty for any other type.
   */
  public static Optional<Format> formatOf(String mediaType) {
    if (mediaType == null) {
      return Optional.empty();
    }
    String bare = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return switch (bare) {
      case FIT, "application/vnd.ant.fit" -> Optional.of(Format.FIT);
      case GPX -> Optional.of(Format.GPX);
      case TCX -> Optional.of(Format.TCX);
      case ZIP, "application/x-zip-compressed" -> Optional.of(Format.ZIP);
      default -> Optional.empty();
    };
  }

  /** The format of an archive entry by its file name extension, empty when not an activity file. */
  public static Optional<Format> formatOfFileName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".fit")) {
      return Optional.of(Format.FIT);
    }
    if (lower.endsWith(".gpx")) {
      return Optional.of(Format.GPX);
    }
    if (lower.endsWith(".tcx")) {
      return Optional.of(Format.TCX);
    }
    return Optional.empty();
  }
}
