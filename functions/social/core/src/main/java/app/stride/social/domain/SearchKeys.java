package app.stride.social.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The form names are searched in: accents removed (NFKD, combining marks dropped), lower case, runs
 * of white space made one space, trimmed. "São Paulo" and "sao paulo" have the same key.
 */
public final class SearchKeys {
  private SearchKeys() {}

  /** The search key of a name or of a typed prefix. */
  public static String of(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    return decomposed
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("\\s+", " ")
        .strip();
  }
}
