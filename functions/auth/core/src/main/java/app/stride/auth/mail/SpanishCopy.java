package app.stride.auth.mail;

import app.stride.auth.mail.MailContent.Action;
import java.util.List;

/** The Spanish wording (informal "tú", as in the app). */
final class SpanishCopy implements MailCopy {

  @Override
  public String minutes(long count) {
    return count == 1 ? "1 minuto" : count + " minutos";
  }

  @Override
  public String hours(long count) {
    return count == 1 ? "1 hora" : count + " horas";
  }

  @Override
  public String linkHint() {
    return "Si el botón no funciona, copia este enlace en tu navegador:";
  }

  @Override
  public String signature() {
    return "El equipo de Stride";
  }

  @Override
  public MailContent verifyEmail(String link, String validFor) {
    return new MailContent(
        "Confirma tu correo en Stride",
        List.of(
            "¡Te damos la bienvenida a Stride! Confirma tu dirección de correo electrónico para"
                + " terminar el registro."),
        new Action("Confirmar correo electrónico", link),
        List.of(
            "Este enlace caduca en " + validFor + " y solo funciona una vez.",
            "Si no te registraste en Stride, puedes ignorar este correo."));
  }

  @Override
  public MailContent resetPassword(String link, String validFor) {
    return new MailContent(
        "Restablece tu contraseña de Stride",
        List.of("Recibimos una solicitud para restablecer la contraseña de tu cuenta de Stride."),
        new Action("Elegir una nueva contraseña", link),
        List.of(
            "Este enlace caduca en "
                + validFor
                + " y solo funciona una vez. Al restablecer la contraseña se cerrará la sesión en"
                + " todos tus dispositivos.",
            "Si no lo solicitaste, ignora este correo: tu contraseña no cambiará."));
  }

  @Override
  public MailContent accountLocked(String resetLink, String lockedFor) {
    return new MailContent(
        "Inicio de sesión en Stride bloqueado",
        List.of(
            "Tras demasiados intentos fallidos bloqueamos el inicio de sesión en tu cuenta de"
                + " Stride durante "
                + lockedFor
                + ".",
            "Si fuiste tú, espera e inténtalo de nuevo, o restablece tu contraseña ahora:"),
        new Action("Restablecer contraseña", resetLink),
        List.of(
            "Si no fuiste tú, puede que alguien intente adivinar tu contraseña: restablécela para"
                + " proteger tu cuenta."));
  }

  @Override
  public MailContent passwordChanged(String resetLink) {
    return new MailContent(
        "Se cambió tu contraseña de Stride",
        List.of(
            "La contraseña de tu cuenta de Stride se acaba de cambiar.",
            "Si fuiste tú, no tienes que hacer nada más. Si no, restablece tu contraseña de"
                + " inmediato:"),
        new Action("Restablecer contraseña", resetLink),
        List.of());
  }
}
