package app.stride.auth.mail;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders {@link MailContent} as plain text and as simple, inline-styled HTML. Every string goes
 * into the HTML escaped, attribute values included, so no text can inject markup.
 */
final class MailRenderer {
  private static final String BUTTON_STYLE =
      "display:inline-block;padding:10px 18px;background:#0b7a5a;color:#ffffff;"
          + "text-decoration:none;border-radius:4px;font-weight:bold";

  private MailRenderer() {}

  static MailMessage render(String to, MailLanguage language, MailContent content) {
    MailCopy copy = language.copy();
    return new MailMessage(
        to, content.subject(), text(content, copy), html(content, copy, language.tag()));
  }

  static String text(MailContent content, MailCopy copy) {
    List<String> blocks = new ArrayList<>(content.intro());
    blocks.add(content.action().label() + ":\n" + content.action().url());
    blocks.addAll(content.outro());
    blocks.add(copy.signature());
    return String.join("\n\n", blocks) + "\n";
  }

  static String html(MailContent content, MailCopy copy, String languageTag) {
    String url = escape(content.action().url());
    StringBuilder html = new StringBuilder(1024);
    html.append("<!DOCTYPE html>\n<html lang=\"")
        .append(escape(languageTag))
        .append("\">\n<head><meta charset=\"utf-8\"><title>")
        .append(escape(content.subject()))
        .append("</title></head>\n")
        .append("<body style=\"font-family:Arial,Helvetica,sans-serif;line-height:1.5;")
        .append("color:#1f2933;max-width:560px\">\n");
    content.intro().forEach(p -> paragraph(html, p));
    html.append("<p><a href=\"")
        .append(url)
        .append("\" style=\"")
        .append(BUTTON_STYLE)
        .append("\">")
        .append(escape(content.action().label()))
        .append("</a></p>\n");
    html.append("<p style=\"font-size:small;color:#52606d\">")
        .append(escape(copy.linkHint()))
        .append("<br>")
        .append(url)
        .append("</p>\n");
    content.outro().forEach(p -> paragraph(html, p));
    paragraph(html, copy.signature());
    return html.append("</body>\n</html>\n").toString();
  }

  private static void paragraph(StringBuilder html, String text) {
    html.append("<p>").append(escape(text)).append("</p>\n");
  }

  /** Escapes the five characters that matter in HTML text and double- or single-quoted values. */
  static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
