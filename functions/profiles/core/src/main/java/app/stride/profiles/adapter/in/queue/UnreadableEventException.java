package app.stride.profiles.adapter.in.queue;

/**
 * A queue message that is not a valid {@code app.stride.user.v1.deleted} event. Its message names
 * what is wrong (where, which rule) but never quotes the message's content, which may hold personal
 * data and ends up in logs.
 */
public final class UnreadableEventException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnreadableEventException(String reason) {
    super(reason);
  }
}
