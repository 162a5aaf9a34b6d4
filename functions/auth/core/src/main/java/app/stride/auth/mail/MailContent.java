package app.stride.auth.mail;

import java.util.List;

/**
 * The wording of one mail before rendering: paragraphs before and after one call to action. Every
 * string is plain text; the renderer escapes it for HTML.
 */
record MailContent(String subject, List<String> intro, Action action, List<String> outro) {

  MailContent {
    intro = List.copyOf(intro);
    outro = List.copyOf(outro);
  }

  /** A link the mail asks the reader to follow. */
  record Action(String label, String url) {}
}
