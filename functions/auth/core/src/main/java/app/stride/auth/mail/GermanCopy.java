package app.stride.auth.mail;

import app.stride.auth.mail.MailContent.Action;
import java.util.List;

/** The German wording (informal "du", as in the app). */
final class GermanCopy implements MailCopy {

  @Override
  public String minutes(long count) {
    return count == 1 ? "1 Minute" : count + " Minuten";
  }

  @Override
  public String hours(long count) {
    return count == 1 ? "1 Stunde" : count + " Stunden";
  }

  @Override
  public String linkHint() {
    return "Falls der Button nicht funktioniert, kopiere diesen Link in deinen Browser:";
  }

  @Override
  public String signature() {
    return "Dein Stride-Team";
  }

  @Override
  public MailContent verifyEmail(String link, String validFor) {
    return new MailContent(
        "Bestätige deine E-Mail-Adresse für Stride",
        List.of(
            "Willkommen bei Stride! Bitte bestätige deine E-Mail-Adresse, um die Registrierung"
                + " abzuschließen."),
        new Action("E-Mail-Adresse bestätigen", link),
        List.of(
            "Der Link ist " + validFor + " gültig und funktioniert nur einmal.",
            "Wenn du dich nicht bei Stride registriert hast, kannst du diese E-Mail ignorieren."));
  }

  @Override
  public MailContent resetPassword(String link, String validFor) {
    return new MailContent(
        "Stride-Passwort zurücksetzen",
        List.of(
            "Wir haben eine Anfrage erhalten, das Passwort deines Stride-Kontos zurückzusetzen."),
        new Action("Neues Passwort festlegen", link),
        List.of(
            "Der Link ist "
                + validFor
                + " gültig und funktioniert nur einmal. Nach dem Zurücksetzen wirst du auf allen"
                + " Geräten abgemeldet.",
            "Wenn du das nicht angefordert hast, ignoriere diese E-Mail: dein Passwort bleibt"
                + " unverändert."));
  }

  @Override
  public MailContent accountLocked(String resetLink, String lockedFor) {
    return new MailContent(
        "Stride-Anmeldung vorübergehend gesperrt",
        List.of(
            "Nach zu vielen fehlgeschlagenen Versuchen haben wir die Anmeldung bei deinem"
                + " Stride-Konto für "
                + lockedFor
                + " gesperrt.",
            "Wenn du das warst, warte kurz und versuche es erneut, oder setze dein Passwort jetzt"
                + " zurück:"),
        new Action("Passwort zurücksetzen", resetLink),
        List.of(
            "Wenn du es nicht warst, versucht vielleicht jemand, dein Passwort zu erraten:"
                + " Setze es zurück, um dein Konto zu schützen."));
  }

  @Override
  public MailContent passwordChanged(String resetLink) {
    return new MailContent(
        "Dein Stride-Passwort wurde geändert",
        List.of(
            "Das Passwort deines Stride-Kontos wurde gerade geändert.",
            "Wenn du das warst, musst du nichts weiter tun. Wenn nicht, setze dein Passwort"
                + " sofort zurück:"),
        new Action("Passwort zurücksetzen", resetLink),
        List.of());
  }
}
