package app.stride.planner.ical;

/**
 * The content-line rules of RFC 5545 section 3.1 and the TEXT escaping of section 3.3.11. A content
 * line is folded so that no physical line is longer than {@value #MAX_OCTETS} octets (its CRLF not
 * counted); a continuation line starts with one space, which counts.
 */
public final class ContentLines {
  /** The longest physical line, in octets, without its line break. */
  public static final int MAX_OCTETS = 75;

  /** The line break every content line ends with. */
  public static final String CRLF = "\r\n";

  private ContentLines() {}

  /**
   * A TEXT value escaped: backslash, semicolon and comma get a backslash; a line break (CRLF, CR or
   * LF) becomes {@code \n}. Other control characters, which TEXT does not allow, are dropped.
   */
  public static String escapeText(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case ';' -> out.append("\\;");
        case ',' -> out.append("\\,");
        case '\n' -> out.append("\\n");
        case '\r' -> {
          out.append("\\n");
          if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
            i++;
          }
        }
        default -> {
          if (c >= 0x20 && c != 0x7f || c == '\t') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * One content line folded and terminated: physical lines of at most {@value #MAX_OCTETS} UTF-8
   * octets, each ending in CRLF, continuations starting with a space. Breaks fall between code
   * points, never inside a UTF-8 sequence (nor inside a surrogate pair).
   */
  public static String fold(String line) {
    StringBuilder out = new StringBuilder(line.length() + 8);
    int octets = 0;
    for (int i = 0; i < line.length(); ) {
      int codePoint = line.codePointAt(i);
      int width = utf8Length(codePoint);
      if (octets + width > MAX_OCTETS) {
        out.append(CRLF).append(' ');
        octets = 1;
      }
      out.appendCodePoint(codePoint);
      octets += width;
      i += Character.charCount(codePoint);
    }
    return out.append(CRLF).toString();
  }

  /** How many octets UTF-8 takes for {@code codePoint}. */
  static int utf8Length(int codePoint) {
    if (codePoint < 0x80) {
      return 1;
    }
    if (codePoint < 0x800) {
      return 2;
    }
    return codePoint < 0x10000 ? 3 : 4;
  }
}
