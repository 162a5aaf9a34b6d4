package app.stride.auth.mail;

import java.util.Locale;

/** The languages the mails are written in; any other locale falls back to English. */
enum MailLanguage {
  EN("en", new EnglishCopy()),
  DE("de", new GermanCopy()),
  ES("es", new SpanishCopy());

  private final String tag;
  private final MailCopy copy;

  MailLanguage(String tag, MailCopy copy) {
    this.tag = tag;
    this.copy = copy;
  }

  /** The language of {@code locale} (its region and variant ignored); English when unsupported. */
  static MailLanguage of(Locale locale) {
    if (locale == null) {
      return EN;
    }
    for (MailLanguage language : values()) {
      if (language.tag.equals(locale.getLanguage())) {
        return language;
      }
    }
    return EN;
  }

  /** The BCP 47 tag for the HTML {@code lang} attribute. */
  String tag() {
    return tag;
  }

  MailCopy copy() {
    return copy;
  }
}
