package app.stride.planner.adapter.in.http;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The planner's message bundles ({@value #BUNDLE}): every text of a plan is a key, resolved here in
 * the language the caller asked for, English when none of theirs is available. A key missing from a
 * translation falls back to English; the library test proves every key has an English text.
 */
public final class PlanTexts {
  /** The bundle's base name (UTF-8 properties; the root bundle is English). */
  public static final String BUNDLE = "planner.i18n.messages";

  /** The languages with a bundle, English first (the fallback). */
  public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

  private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private PlanTexts() {}

  /** The language to answer an {@code Accept-Language} header in; English when none fits. */
  public static Locale negotiate(Optional<String> acceptLanguage) {
    try {
      return acceptLanguage
          .filter(header -> !header.isBlank())
          .map(header -> Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED))
          .orElse(Locale.ENGLISH);
    } catch (IllegalArgumentException malformed) {
      return Locale.ENGLISH;
    }
  }

  /** The text of {@code key} in {@code locale}, else in English. */
  public static String text(String key, Locale locale) {
    try {
      return bundle(locale).getString(key);
    } catch (MissingResourceException e) {
      return bundle(Locale.ENGLISH).getString(key);
    }
  }

  /** Whether the English bundle has {@code key}. */
  public static boolean has(String key) {
    return bundle(Locale.ENGLISH).containsKey(key);
  }

  private static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(BUNDLE, locale, NO_DEFAULT_LOCALE);
  }
}
