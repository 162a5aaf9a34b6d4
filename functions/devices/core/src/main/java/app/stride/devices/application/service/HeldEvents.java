package app.stride.devices.application.service;

import java.util.ArrayList;
import java.util.List;

/**
 * The events one write stored in its activities' outboxes, held back until the write's check after
 * writing ({@link ErasedGuard}) has found the account still there. Publishing them right after each
 * store, as {@link ActivityIngest} did before, let an event leave for an account whose erasure ran
 * while the write was under way (a whole {@code export.zip} of workouts can take minutes): the
 * check then swept the activity, but its event was out.
 *
 * <p>{@link #release} publishes what is held, in the order it was held; {@link #drop} forgets it:
 * an erased account's events go with its activities, which the sweep deletes with their outboxes,
 * and whatever is left is the relay's business ({@link ActivityOutboxRelay} checks the account
 * too). Not thread-safe: one write, one thread.
 */
final class HeldEvents {
  private final List<Runnable> held = new ArrayList<>();

  /** Holds {@code publication} (a publish-then-mark of one stored event) until {@link #release}. */
  void hold(Runnable publication) {
    held.add(publication);
  }

  /** Publishes what is held, oldest first, and holds nothing after. */
  void release() {
    List<Runnable> publications = List.copyOf(held);
    held.clear();
    publications.forEach(Runnable::run);
  }

  /** Forgets what is held without publishing it. */
  void drop() {
    held.clear();
  }
}
