package app.stride.auth.mail;

import static org.assertj.core.api.Assertions.assertThat;

import app.stride.auth.mail.MailContent.Action;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailRendererTest {
  private final MailContent content =
      new MailContent(
          "Subject <b>",
          List.of("Intro & more"),
          new Action("Go \"now\"", "https://x.test/p?token=abc"),
          List.of("Outro 'quoted'"));

  @Test
  void text_holdsParagraphsTheLabeledLinkAndSignature_inOrder() {
    String text = MailRenderer.text(content, new EnglishCopy());

    assertThat(text)
        .isEqualTo(
            "Intro & more\n\nGo \"now\":\nhttps://x.test/p?token=abc\n\n"
                + "Outro 'quoted'\n\nYour Stride team\n");
  }

  @Test
  void html_escapesEveryString() {
    String html = MailRenderer.html(content, new EnglishCopy(), "en");

    assertThat(html)
        .contains("<title>Subject &lt;b&gt;</title>")
        .contains("<p>Intro &amp; more</p>")
        .contains(">Go &quot;now&quot;</a>")
        .contains("<p>Outro &#39;quoted&#39;</p>")
        .doesNotContain("<b>");
  }

  @Test
  void html_showsTheLinkAsButtonAndAsText() {
    String html = MailRenderer.html(content, new EnglishCopy(), "en");

    assertThat(html)
        .contains("<a href=\"https://x.test/p?token=abc\"")
        .contains("copy this link into your browser:<br>https://x.test/p?token=abc</p>");
  }
}
