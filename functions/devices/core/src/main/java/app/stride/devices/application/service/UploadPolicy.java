package app.stride.devices.application.service;

import app.stride.devices.files.ImportLimits;
import app.stride.devices.files.MediaTypes;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an announced upload may be: one of the four file types, at most {@code maxFileBytes} for a
 * FIT, GPX or TCX file and {@code maxArchiveBytes} for a zip, put within {@code urlLifetime} of the
 * announcement. The defaults are the parsers' own bounds ({@link ImportLimits#DEFAULT}: 64 MiB and
 * 512 MiB), so a file the bucket accepts is never refused for its size by the parser.
 *
 * @param maxFileBytes the largest FIT, GPX or TCX upload
 * @param maxArchiveBytes the largest zip upload
 * @param urlLifetime how long an upload URL works
 * @param requeueAfter how long a completed upload is left to the worker before a repeated
 *     completion queues it again (the worker's time limit)
 */
public record UploadPolicy(
    long maxFileBytes, long maxArchiveBytes, Duration urlLifetime, Duration requeueAfter) {
  private static final Set<String> TYPES =
      Set.of(MediaTypes.FIT, MediaTypes.GPX, MediaTypes.TCX, MediaTypes.ZIP);

  public UploadPolicy {
    if (maxFileBytes <= 0 || maxArchiveBytes <= 0) {
      throw new IllegalArgumentException("upload limits must be positive");
    }
    if (urlLifetime.isNegative() || urlLifetime.isZero() || requeueAfter.isNegative()) {
      throw new IllegalArgumentException("upload durations must be positive");
    }
  }

  /** The production policy: the parsers' limits, URLs valid 15 minutes, requeue after 15. */
  public static UploadPolicy defaults() {
    return new UploadPolicy(
        ImportLimits.DEFAULT.maxFileBytes(),
        ImportLimits.DEFAULT.maxArchiveBytes(),
        Duration.ofMinutes(15),
        Duration.ofMinutes(15));
  }

  /**
   * The media type an upload is signed for: {@code contentType} without parameters, lower case;
   * empty when it is not one of {@code application/fit}, {@code application/gpx+xml}, {@code
   * application/vnd.garmin.tcx+xml} or {@code application/zip}.
   */
  public Optional<String> mediaType(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String bare = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return TYPES.contains(bare) ? Optional.of(bare) : Optional.empty();
  }

  /** The largest upload of {@code mediaType} (one {@link #mediaType} returned). */
  public long limitFor(String mediaType) {
    return MediaTypes.ZIP.equals(mediaType) ? maxArchiveBytes : maxFileBytes;
  }
}
