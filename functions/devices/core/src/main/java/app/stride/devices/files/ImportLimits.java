package app.stride.devices.files;

/**
 * The bounds an import enforces on untrusted input, each counted on the bytes actually read (never
 * trusting sizes declared in headers).
 *
 * @param maxFileBytes the largest single file, and the largest activity file inside an archive
 * @param maxArchiveBytes the largest archive as uploaded (compressed)
 * @param maxArchiveEntries the most entries an archive may hold
 * @param maxUncompressedBytes the most bytes all entries of an archive may inflate to together
 * @param maxCompressionRatio the largest ratio of inflated to compressed bytes of one entry
 * @param maxArchiveSamples the most samples (track points) all activities of an archive may hold
 *     together: they are held in memory until the archive's end (routes may come before the
 *     workouts they belong to), about 250 bytes each on the heap
 */
public record ImportLimits(
    long maxFileBytes,
    long maxArchiveBytes,
    int maxArchiveEntries,
    long maxUncompressedBytes,
    int maxCompressionRatio,
    long maxArchiveSamples) {

  private static final long MIB = 1024L * 1024L;

  /**
   * The production limits: 64 MiB per file, 512 MiB per archive, 10,000 entries, ratio 100, 2
   * million samples in an archive (a file in a request is at most 10 MiB).
   */
  public static final ImportLimits DEFAULT =
      new ImportLimits(64 * MIB, 512 * MIB, 10_000, 512 * MIB, 100, 2_000_000);

  /**
   * The limits of a file uploaded to the bucket and read by the worker: as {@link #DEFAULT}, but an
   * archive may hold 100,000 entries inflating to 16 GiB in all, since an Apple Health {@code
   * export.zip} of a few hundred MB holds gigabytes of XML (and a route file per workout). Entries
   * are streamed, so this bounds the worker's time, not its memory; the per-entry ratio still stops
   * a bomb after 1 MiB. What the worker's memory bounds is the samples held until the archive's
   * end: 8 million (measured by {@code bench/devices/apple-export}: 5.4 million took 1.4 GB of
   * heap; the worker's 3,072 MB give its JVM about 2.6 GB), so a larger export fails cleanly
   * instead of running the worker out of memory on every redelivery.
   */
  public static final ImportLimits UPLOADED =
      new ImportLimits(64 * MIB, 512 * MIB, 100_000, 16 * 1024 * MIB, 100, 8_000_000);

  public ImportLimits {
    if (maxFileBytes <= 0
        || maxArchiveBytes <= 0
        || maxArchiveEntries <= 0
        || maxUncompressedBytes <= 0
        || maxCompressionRatio <= 1
        || maxArchiveSamples <= 0) {
      throw new IllegalArgumentException("import limits must be positive");
    }
  }
}
