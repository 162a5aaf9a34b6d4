package app.stride.events;

/**
 * A message that is not a valid event of the type its reader expects. Its message names what is
 * wrong (where, which rule) but never quotes the message's content, which may hold personal data
 * and ends up in logs.
 */
public final class UnreadableEventException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnreadableEventException(String reason) {
    super(reason);
  }
}
