package app.stride.devices.files;

/**
 * The stable failure codes of a file import, each the last segment of its problem type (e.g. {@code
 * https://stride.app/problems/corrupt-file}). docs/devices-files.md lists when each is given.
 */
public enum FailureCode {
  /** The bytes are not a well-formed file of the declared format (bad CRC, malformed XML, ...). */
  CORRUPT_FILE("corrupt-file"),
  /** The file ends before its declared size or before its structure is complete. */
  TRUNCATED_FILE("truncated-file"),
  /** The media type is none of FIT, GPX, TCX or zip. */
  UNSUPPORTED_FORMAT("unsupported-format"),
  /** The XML declares a DOCTYPE (entities, external references): refused before any expansion. */
  UNSAFE_XML("unsafe-xml"),
  /** An archive entry escapes its folder, or the archive exceeds an entry, size or ratio bound. */
  UNSAFE_ARCHIVE("unsafe-archive"),
  /** The file (or an archive entry) is larger than the import limit. */
  FILE_TOO_LARGE("file-too-large"),
  /** The file is well formed but holds no usable activity (no session, no timestamps, ...). */
  NO_ACTIVITY("no-activity"),
  /** The activity's values cannot be true (negative or absurd duration, bad coordinates, ...). */
  IMPLAUSIBLE_ACTIVITY("implausible-activity");

  private final String code;

  FailureCode(String code) {
    this.code = code;
  }

  /** The wire code, e.g. {@code corrupt-file}. */
  public String code() {
    return code;
  }
}
