package app.stride.devices.application.service;

import app.stride.core.problem.Problem;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.devices.application.port.out.ErasedAccounts;
import app.stride.devices.domain.UserId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks every write of a user's devices data makes around it: has the account been erased
 * ({@link ErasedAccounts})? Once before the write, so an erased account's request or queued work
 * changes nothing, and once after it, for the erasure that ran while the write was under way.
 *
 * <p>The check after the write closes the race the first one leaves: the eraser marks the account
 * and then reads what to remove; a write stores its data and then reads the marker. Both sides use
 * strongly consistent reads, so at least one of them sees the other: either the eraser's reads find
 * the write's data, or the write's second check finds the marker. When it does, the write removes
 * what the user holds again ({@code sweep}: the eraser's removal after its mark, idempotent) before
 * it answers. A request is then refused as {@code unauthorized} (401, the bearer challenge of an
 * invalid token): the token is valid but its account is gone, and signing in again is the only way
 * on, which fails for a deleted account. A worker drops its message instead.
 *
 * <p>A write that fails is checked after too: what it stored before it failed is swept as well, and
 * its own failure is what the caller sees.
 *
 * <p>The activity events a write stored are published only once its check after writing has found
 * the account still there ({@link HeldEvents}), also when the write failed after storing some; a
 * write that raced the erasure publishes none.
 */
final class ErasedGuard {
  private static final Logger log = LoggerFactory.getLogger(ErasedGuard.class);

  private final ErasedAccounts erased;
  private final RegionId region;
  private final Consumer<UserId> sweep;

  /**
   * @param sweep removes what {@code user} holds here, for an account already marked erased
   */
  ErasedGuard(ErasedAccounts erased, RegionId region, Consumer<UserId> sweep) {
    this.erased = Objects.requireNonNull(erased, "erased");
    this.region = Objects.requireNonNull(region, "region");
    this.sweep = Objects.requireNonNull(sweep, "sweep");
  }

  /** Whether {@code user}'s account was erased in this region. */
  boolean erased(UserId user) {
    return erased.isErased(user, region);
  }

  /**
   * A request's write: refused before it runs when the account was erased; when the account was
   * erased while it ran, what the user holds is swept again and the request refused all the same.
   *
   * @throws ProblemException {@code unauthorized} (401) when {@code user}'s account was erased
   * @throws app.stride.core.store.StoreUnavailableException when the marker cannot be read or the
   *     sweep fails (the request may be sent again; the first check then refuses it)
   */
  <T> T request(UserId user, Supplier<T> write) {
    return request(user, held -> write.get());
  }

  /**
   * A request's write that stores activity events: as {@link #request(UserId, Supplier)}, and the
   * events {@code write} holds are published after the check that follows it.
   */
  <T> T request(UserId user, Function<HeldEvents, T> write) {
    if (erased(user)) {
      throw refused();
    }
    T written = checkedAfter(user, write);
    if (written == null) {
      throw refused();
    }
    return written;
  }

  /**
   * A worker's write: skipped when the account was erased, or swept again when the account was
   * erased while it ran. A worker sweeps in both cases, as its message may be the redelivery of one
   * whose sweep failed. The events {@code write} holds are published after the check that follows
   * it.
   *
   * @return what {@code write} answered; empty when the account was erased (the message is dropped)
   * @throws app.stride.core.store.StoreUnavailableException when the marker cannot be read or the
   *     sweep fails: redeliver the message
   */
  <T> Optional<T> work(UserId user, Function<HeldEvents, T> write) {
    if (erased(user)) {
      sweep.accept(user);
      return Optional.empty();
    }
    return Optional.ofNullable(checkedAfter(user, write));
  }

  /**
   * Runs {@code write}, then checks again; null when the account was erased meanwhile (swept, its
   * events dropped). The events it held are published only when that check found the account: after
   * a failed check or sweep they wait in their outboxes for the relay.
   */
  private <T> T checkedAfter(UserId user, Function<HeldEvents, T> write) {
    HeldEvents held = new HeldEvents();
    T written;
    try {
      written = write.apply(held);
    } catch (RuntimeException failed) {
      try {
        publishUnlessErased(user, held);
      } catch (RuntimeException alsoFailed) {
        failed.addSuppressed(alsoFailed);
      }
      throw failed;
    }
    if (!publishUnlessErased(user, held)) {
      return null;
    }
    return Objects.requireNonNull(written, "written");
  }

  /** Publishes {@code held} unless the account was erased (then swept); whether it was not. */
  private boolean publishUnlessErased(UserId user, HeldEvents held) {
    if (sweepIfErased(user)) {
      held.drop();
      return false;
    }
    held.release();
    return true;
  }

  private boolean sweepIfErased(UserId user) {
    if (!erased(user)) {
      return false;
    }
    log.info("region={} a write raced the account's erasure: what it wrote is erased", region);
    sweep.accept(user);
    return true;
  }

  private static ProblemException refused() {
    return new ProblemException(
        Problem.of(ProblemType.UNAUTHORIZED, "This account has been deleted."),
        Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""),
        null);
  }
}
