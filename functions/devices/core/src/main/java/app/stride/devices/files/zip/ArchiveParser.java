package app.stride.devices.files.zip;

import app.stride.devices.domain.ActivityData;
import app.stride.devices.domain.Sample;
import app.stride.devices.files.ActivityFileException;
import app.stride.devices.files.FailureCode;
import app.stride.devices.files.ImportLimits;
import app.stride.devices.files.LimitedInputStream;
import app.stride.devices.files.LimitedInputStream.LimitExceededException;
import app.stride.devices.files.MediaTypes;
import app.stride.devices.files.MediaTypes.Format;
import app.stride.devices.files.xml.AppleHealthExport;
import app.stride.devices.files.xml.GpxParser;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a zip upload in one streaming pass: an Apple Health export ({@code export.xml} and its
 * {@code workout-routes/*.gpx}) becomes one activity per workout, and every FIT, GPX or TCX file
 * elsewhere in the archive one activity each. Every entry, read or skipped, streams through the
 * bounds of {@link ImportLimits}; entry names that could escape a folder are refused; nested
 * archives and other files are skipped. All activities or none: one bad file fails the import.
 */
public final class ArchiveParser {
  private static final byte[] LOCAL_HEADER = {'P', 'K', 3, 4};
  private static final byte[] EMPTY_ARCHIVE = {'P', 'K', 5, 6};

  private final ImportLimits limits;

  /** A parser bounded by {@code limits}. */
  public ArchiveParser(ImportLimits limits) {
    this.limits = limits;
  }

  /** Parses one activity file (FIT, GPX or TCX) of the archive; the lead's single-file path. */
  @FunctionalInterface
  public interface FileParser {
    /** The activities of {@code in}, a file of {@code format}. */
    List<ActivityData> parse(Format format, InputStream in)
        throws ActivityFileException, IOException;
  }

  /**
   * The activities of the archive.
   *
   * @param files parses the activity files found in the archive
   * @throws ActivityFileException {@code unsafe-archive}, {@code file-too-large}, {@code
   *     corrupt-file}, {@code no-activity} or the failure of an entry (its detail naming the
   *     entry's position, never its name)
   */
  public List<ActivityData> parse(InputStream in, FileParser files)
      throws ActivityFileException, IOException {
    LimitedInputStream raw =
        new LimitedInputStream(
            new KeepOpen(in), limits.maxArchiveBytes(), "the archive", FailureCode.FILE_TOO_LARGE);
    ArchiveTail tail = new ArchiveTail(raw);
    BufferedInputStream buffered = new BufferedInputStream(tail);
    checkZipHeader(buffered);
    Contents contents = new Contents();
    EntryStream.ArchiveBudget budget =
        new EntryStream.ArchiveBudget(limits.maxUncompressedBytes(), limits.maxCompressionRatio());
    List<String> names = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(buffered)) {
      int index = 0;
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        index++;
        if (index > limits.maxArchiveEntries()) {
          throw new ActivityFileException(
              FailureCode.UNSAFE_ARCHIVE,
              "the archive has more than " + limits.maxArchiveEntries() + " entries");
        }
        checkName(entry.getName(), index);
        names.add(entry.getName());
        EntryStream data = new EntryStream(zip, raw, budget, index);
        read(entry, data, index, files, contents);
        data.drain();
      }
      buffered.transferTo(OutputStream.nullOutputStream());
      checkComplete(tail, names);
    } catch (LimitExceededException e) {
      throw e.toFailure();
    } catch (ZipException | IllegalArgumentException e) {
      throw new ActivityFileException(FailureCode.CORRUPT_FILE, "the zip archive is malformed", e);
    }
    return contents.activities();
  }

  private void read(ZipEntry entry, EntryStream data, int index, FileParser files, Contents into)
      throws ActivityFileException, IOException {
    if (entry.isDirectory()) {
      return;
    }
    String name = entry.getName();
    String lower = name.toLowerCase(Locale.ROOT);
    String routeKey = AppleHealthExport.routeKey(name);
    try {
      if (lower.equals("export.xml") || lower.endsWith("/export.xml")) {
        into.workouts.addAll(AppleHealthExport.readWorkouts(data));
      } else if (routeKey != null && lower.endsWith(".gpx")) {
        List<List<Sample>> route = GpxParser.read(bounded(data, index)).segments();
        hold(into, route.stream().mapToLong(List::size).sum());
        into.routes.put(routeKey, route);
      } else {
        Optional<Format> format = MediaTypes.formatOfFileName(name);
        if (format.isPresent()) {
          List<ActivityData> parsed = files.parse(format.get(), bounded(data, index));
          hold(into, parsed.stream().mapToLong(a -> a.samples().size()).sum());
          into.files.addAll(parsed);
        }
      }
    } catch (ActivityFileException e) {
      throw e.prefixed("archive entry " + index + ": ");
    }
  }

  /** Counts {@code samples} more held until the archive's end, refusing more than the limit. */
  private void hold(Contents into, long samples) throws ActivityFileException {
    into.samples += samples;
    if (into.samples > limits.maxArchiveSamples()) {
      throw new ActivityFileException(
          FailureCode.FILE_TOO_LARGE,
          "the archive holds more than "
              + limits.maxArchiveSamples()
              + " track points in all (workout routes and activity files together)");
    }
  }

  /**
   * Compares the entries streamed with the central directory at the archive's end, so that a
   * damaged local header can neither hide the entries after it nor rename one.
   */
  private static void checkComplete(ArchiveTail tail, List<String> namesRead)
      throws ActivityFileException {
    Optional<ArchiveTail.Directory> directory = tail.directory();
    if (directory.isEmpty()) {
      throw new ActivityFileException(
          FailureCode.TRUNCATED_FILE, "the zip archive has no central directory at its end");
    }
    int declared = directory.get().count();
    if (declared >= 0 && declared != namesRead.size()) {
      throw new ActivityFileException(
          FailureCode.CORRUPT_FILE,
          "the zip archive lists " + declared + " entries but " + namesRead.size() + " were read");
    }
    List<String> listed = directory.get().names();
    if (listed != null && !listed.equals(namesRead)) {
      throw new ActivityFileException(
          FailureCode.CORRUPT_FILE, "the zip archive's entries disagree with its directory");
    }
  }

  private InputStream bounded(EntryStream data, int index) {
    return new LimitedInputStream(
        data, limits.maxFileBytes(), "archive entry " + index, FailureCode.FILE_TOO_LARGE);
  }

  private static void checkZipHeader(BufferedInputStream in)
      throws IOException, ActivityFileException {
    in.mark(4);
    byte[] magic = in.readNBytes(4);
    in.reset();
    if (Arrays.equals(magic, EMPTY_ARCHIVE)) {
      throw new ActivityFileException(FailureCode.NO_ACTIVITY, "the archive is empty");
    }
    if (!Arrays.equals(magic, LOCAL_HEADER)) {
      throw new ActivityFileException(FailureCode.CORRUPT_FILE, "the file is not a zip archive");
    }
  }

  /** Refuses names that could write outside a folder if anyone ever extracted them. */
  static void checkName(String name, int index) throws ActivityFileException {
    boolean unsafe =
        name.isEmpty()
            || name.startsWith("/")
            || name.contains("\\")
            || name.indexOf('\0') >= 0
            || (name.length() > 1 && name.charAt(1) == ':')
            || List.of(name.split("/")).contains("..");
    if (unsafe) {
      throw new ActivityFileException(
          FailureCode.UNSAFE_ARCHIVE,
          "archive entry " + index + " has a name that escapes its folder");
    }
  }

  /** Leaves the caller's stream open when the zip reader is closed. */
  private static final class KeepOpen extends FilterInputStream {
    KeepOpen(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // the caller owns the stream
    }
  }

  /** What the archive held, joined at the end (routes may come before or after export.xml). */
  private static final class Contents {
    final List<AppleHealthExport.Workout> workouts = new ArrayList<>();
    final Map<String, List<List<Sample>>> routes = new HashMap<>();
    final List<ActivityData> files = new ArrayList<>();
    long samples;

    List<ActivityData> activities() throws ActivityFileException {
      List<ActivityData> all = new ArrayList<>();
      int index = 0;
      for (AppleHealthExport.Workout w : workouts) {
        index++;
        try {
          all.add(AppleHealthExport.toActivity(w, routes));
        } catch (ActivityFileException e) {
          throw e.prefixed("Apple Health workout " + index + ": ");
        }
      }
      all.addAll(files);
      if (all.isEmpty()) {
        throw new ActivityFileException(
            FailureCode.NO_ACTIVITY,
            "the archive holds no FIT, GPX or TCX file and no Apple Health workout");
      }
      return List.copyOf(all);
    }
  }
}
