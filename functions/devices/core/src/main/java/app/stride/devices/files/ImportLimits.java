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
 */
public record ImportLimits(
    long maxFileBytes,
    long maxArchiveBytes,
    int maxArchiveEntries,
    long maxUncompressedBytes,
    int maxCompressionRatio) {

  private static final long MIB = 1024L * 1024L;

  /** The production limits: 64 MiB per file, 512 MiB per archive, 10,000 entries, ratio 100. */
  public static final ImportLimits DEFAULT =
      new ImportLimits(64 * MIB, 512 * MIB, 10_000, 512 * MIB, 100);

  /**
   * The limits of a file uploaded to the bucket and read by the worker: as {@link #DEFAULT}, but an
   * archive may hold 100,000 entries inflating to 16 GiB in all, since an Apple Health {@code
   * export.zip} of a few hundred MB holds gigabytes of XML (and a route file per workout). Entries
   * are streamed, so this bounds the worker's time, not its memory; the per-entry ratio still stops
   * a bomb after 1 MiB.
   */
  public static final ImportLimits UPLOADED =
      new ImportLimits(64 * MIB, 512 * MIB, 100_000, 16 * 1024 * MIB, 100);

  public ImportLimits {
    if (maxFileBytes <= 0
        || maxArchiveBytes <= 0
        || maxArchiveEntries <= 0
        || maxUncompressedBytes <= 0
        || maxCompressionRatio <= 1) {
      throw new IllegalArgumentException("import limits must be positive");
    }
  }
}
