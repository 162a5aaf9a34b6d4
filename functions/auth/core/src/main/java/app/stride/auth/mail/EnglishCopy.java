package app.stride.auth.mail;

import app.stride.auth.mail.MailContent.Action;
import java.util.List;

/** The English wording, also the fallback for unsupported locales. */
final class EnglishCopy implements MailCopy {

  @Override
  public String minutes(long count) {
    return count == 1 ? "1 minute" : count + " minutes";
  }

  @Override
  public String hours(long count) {
    return count == 1 ? "1 hour" : count + " hours";
  }

  @Override
  public String linkHint() {
    return "If the button does not work, copy this link into your browser:";
  }

  @Override
  public String signature() {
    return "Your Stride team";
  }

  @Override
  public MailContent verifyEmail(String link, String validFor) {
    return new MailContent(
        "Confirm your email for Stride",
        List.of("Welcome to Stride! Please confirm your email address to finish signing up."),
        new Action("Confirm email address", link),
        List.of(
            "This link expires in " + validFor + " and works once.",
            "If you did not sign up for Stride, you can ignore this email."));
  }

  @Override
  public MailContent resetPassword(String link, String validFor) {
    return new MailContent(
        "Reset your Stride password",
        List.of("We received a request to reset the password of your Stride account."),
        new Action("Choose a new password", link),
        List.of(
            "This link expires in "
                + validFor
                + " and works once. Resetting your password signs you out on all devices.",
            "If you did not ask for this, ignore this email: your password stays unchanged."));
  }

  @Override
  public MailContent accountLocked(String resetLink, String lockedFor) {
    return new MailContent(
        "Stride sign-in locked for now",
        List.of(
            "After too many failed attempts we locked sign-in to your Stride account for "
                + lockedFor
                + ".",
            "If this was you, wait and try again, or reset your password now:"),
        new Action("Reset password", resetLink),
        List.of(
            "If it was not you, someone may be guessing your password:"
                + " resetting it keeps your account safe."));
  }

  @Override
  public MailContent passwordChanged(String resetLink) {
    return new MailContent(
        "Your Stride password was changed",
        List.of(
            "The password of your Stride account was just changed.",
            "If you did this, there is nothing else to do. If you did not, reset your password"
                + " right away:"),
        new Action("Reset password", resetLink),
        List.of());
  }
}
