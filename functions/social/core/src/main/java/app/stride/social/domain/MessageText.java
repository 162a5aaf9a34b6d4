package app.stride.social.domain;

/**
 * A message's text: trimmed, then 1 to {@value #MAX_CODE_POINTS} Unicode code points.
 *
 * @param value the trimmed text
 */
public record MessageText(String value) {
  /** The longest text, in code points after trimming. */
  public static final int MAX_CODE_POINTS = 2000;

  /**
   * The text of a message as typed.
   *
   * @throws InvalidTextException when it is empty after trimming or too long
   */
  public static MessageText of(String typed) {
    String trimmed = typed == null ? "" : typed.strip();
    if (trimmed.isEmpty()) {
      throw new InvalidTextException("must not be empty");
    }
    int length = trimmed.codePointCount(0, trimmed.length());
    if (length > MAX_CODE_POINTS) {
      throw new InvalidTextException(
          "must be at most " + MAX_CODE_POINTS + " characters after trimming, not " + length);
    }
    return new MessageText(trimmed);
  }

  /** A text that breaks the rule; its message says how. */
  public static final class InvalidTextException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidTextException(String message) {
      super(message);
    }
  }
}
