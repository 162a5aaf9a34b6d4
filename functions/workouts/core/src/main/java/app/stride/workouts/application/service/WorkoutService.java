package app.stride.workouts.application.service;

import app.stride.core.auth.Principal;
import app.stride.core.event.EventPublisher;
import app.stride.core.event.OutboundEvent;
import app.stride.core.problem.FieldError;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.core.store.Page;
import app.stride.core.store.VersionConflictException;
import app.stride.workouts.application.port.in.ManageMyWorkoutsUseCase;
import app.stride.workouts.application.port.in.Precondition;
import app.stride.workouts.application.port.out.HistoryQuery;
import app.stride.workouts.application.port.out.IdempotencyPort.Claim;
import app.stride.workouts.application.port.out.LoadUnitPreferencePort;
import app.stride.workouts.application.port.out.WorkoutStore;
import app.stride.workouts.domain.PlausibilityRules;
import app.stride.workouts.domain.UnitSystem;
import app.stride.workouts.domain.UserId;
import app.stride.workouts.domain.Workout;
import app.stride.workouts.domain.WorkoutDraft;
import app.stride.workouts.domain.WorkoutId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@link ManageMyWorkoutsUseCase} from one region's store.
 *
 * <p>Every write is a single-item conditional write on the version read just before; a client that
 * sent {@code If-Match} gets {@code 412} when it lost, an unconditional request is retried a few
 * times. The change's event is written with the item and published right after; if publishing fails
 * the outbox relay publishes it later.
 *
 * <p>Recording with an idempotency key first claims the key (one conditional write naming the new
 * workout's id), then writes the workout: a retry finds the claim and answers the workout it names,
 * or records it under that id if the first attempt died between the two writes. The overlap check
 * reads the user's neighbouring workouts before writing; two concurrent requests for overlapping
 * times may both pass it (no transactions, DESIGN.md §4), which the history shows and an edit or
 * delete resolves.
 */
public final class WorkoutService implements ManageMyWorkoutsUseCase {
  /** How long an idempotency key is remembered. */
  public static final Duration IDEMPOTENCY_TTL = Duration.ofHours(24);

  private static final Logger log = LoggerFactory.getLogger(WorkoutService.class);
  private static final int ATTEMPTS = 3;

  private final WorkoutStore store;
  private final LoadUnitPreferencePort units;
  private final EventPublisher publisher;
  private final ResidencyGuard guard;
  private final WorkoutEvents events;
  private final Clock clock;
  private final RandomGenerator random;

  public WorkoutService(
      WorkoutStore store,
      LoadUnitPreferencePort units,
      EventPublisher publisher,
      RegionId servingRegion,
      Clock clock,
      RandomGenerator random) {
    this.store = store;
    this.units = units;
    this.publisher = publisher;
    this.guard = new ResidencyGuard(servingRegion);
    this.events = new WorkoutEvents(servingRegion);
    this.clock = clock;
    this.random = random;
  }

  @Override
  public Recorded record(Principal caller, WorkoutDraft draft, Optional<String> idempotencyKey) {
    UserId user = userOf(caller);
    Instant now = clock.instant();
    requirePlausible(draft, now);
    if (idempotencyKey.isEmpty()) {
      return new Recorded(create(caller, WorkoutId.next(now, random), draft, now), false);
    }
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Claim mine =
          new Claim(
              idempotencyKey.get(),
              draft.fingerprint(),
              WorkoutId.next(now, random),
              now.plus(IDEMPOTENCY_TTL));
      Optional<Claim> existing;
      try {
        existing = store.claim(user, mine, caller.homeRegion());
      } catch (VersionConflictException e) {
        continue;
      }
      if (existing.isEmpty()) {
        return new Recorded(create(caller, mine.workoutId(), draft, now), false);
      }
      return replay(caller, existing.get(), mine, draft, now);
    }
    throw new ProblemException(
        ProblemType.CONFLICT, "Concurrent requests used this Idempotency-Key; retry shortly.");
  }

  @Override
  public Workout get(Principal caller, WorkoutId workoutId) {
    return store
        .load(userOf(caller), workoutId, caller.homeRegion())
        .orElseThrow(() -> notFound(workoutId));
  }

  @Override
  public Workout update(
      Principal caller,
      WorkoutId workoutId,
      UnaryOperator<WorkoutDraft> change,
      Precondition precondition) {
    for (int attempt = 1; ; attempt++) {
      Workout current = get(caller, workoutId);
      requireMatch(current, precondition);
      WorkoutDraft next = change.apply(current.draft());
      Instant now = clock.instant();
      requirePlausible(next, now);
      List<String> changed = current.draft().changedFields(next);
      if (changed.isEmpty()) {
        return current;
      }
      if (changed.contains("startTime") || changed.contains("durationSeconds")) {
        requireNoOverlap(current.userId(), workoutId, next, caller.homeRegion());
      }
      Workout revised = current.revise(next, now);
      OutboundEvent event = events.updated(revised, changed);
      try {
        store.replace(revised, current.version(), event, caller.homeRegion());
        publish(revised.userId(), workoutId, event, caller.homeRegion());
        return revised;
      } catch (VersionConflictException e) {
        retryOrFail(precondition, attempt);
      }
    }
  }

  @Override
  public void delete(Principal caller, WorkoutId workoutId, Precondition precondition) {
    for (int attempt = 1; ; attempt++) {
      Workout current = get(caller, workoutId);
      requireMatch(current, precondition);
      OutboundEvent event =
          events.deleted(current.userId(), workoutId, current.version(), clock.instant());
      try {
        store.delete(current.userId(), workoutId, current.version(), event, caller.homeRegion());
        publish(current.userId(), workoutId, event, caller.homeRegion());
        return;
      } catch (VersionConflictException e) {
        retryOrFail(precondition, attempt);
      }
    }
  }

  @Override
  public Page<Workout> history(Principal caller, HistoryQuery query) {
    return store.history(userOf(caller), query, caller.homeRegion());
  }

  @Override
  public UnitSystem units(Principal caller) {
    return units.unitsOf(userOf(caller), caller.homeRegion());
  }

  private Recorded replay(
      Principal caller, Claim existing, Claim mine, WorkoutDraft draft, Instant now) {
    if (!existing.fingerprint().equals(mine.fingerprint())) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          "This Idempotency-Key was already used for a different workout; send a new key for a"
              + " new workout.");
    }
    Optional<Workout> stored =
        store.load(userOf(caller), existing.workoutId(), caller.homeRegion());
    if (stored.isPresent()) {
      return new Recorded(stored.get(), true);
    }
    // The first request claimed the key and died before writing the workout: finish its work.
    return new Recorded(create(caller, existing.workoutId(), draft, now), false);
  }

  private Workout create(Principal caller, WorkoutId id, WorkoutDraft draft, Instant now) {
    UserId user = userOf(caller);
    requireNoOverlap(user, id, draft, caller.homeRegion());
    Workout workout = Workout.record(id, user, draft, now);
    OutboundEvent event = events.recorded(workout);
    try {
      store.create(workout, event, caller.homeRegion());
    } catch (VersionConflictException e) {
      // A concurrent retry of the same key wrote this id first.
      return store
          .load(user, id, caller.homeRegion())
          .orElseThrow(() -> new ProblemException(ProblemType.CONFLICT, "Retry shortly."));
    }
    publish(user, id, event, caller.homeRegion());
    return workout;
  }

  private void requireNoOverlap(UserId user, WorkoutId self, WorkoutDraft draft, RegionId home) {
    Instant start = draft.startTime();
    Instant end = draft.endTime();
    store.startingBetween(user, start.minus(PlausibilityRules.MAX_DURATION), end, home).stream()
        .filter(other -> !other.id().equals(self))
        .filter(other -> other.overlaps(start, end))
        .findFirst()
        .ifPresent(
            other -> {
              throw new ProblemException(
                  ProblemType.CONFLICT,
                  "This workout ("
                      + start
                      + " to "
                      + end
                      + ") overlaps your "
                      + other.draft().sport().wire()
                      + " workout "
                      + other.id()
                      + " ("
                      + other.draft().startTime()
                      + " to "
                      + other.draft().endTime()
                      + "); change the times or delete that workout first.");
            });
  }

  private void publish(UserId userId, WorkoutId workoutId, OutboundEvent event, RegionId home) {
    try {
      publisher.publish(event);
      store.markPublished(userId, workoutId, event.id(), home);
    } catch (RuntimeException e) {
      log.warn("event={} left in the outbox for the relay: {}", event.id(), e.toString());
    }
  }

  private UserId userOf(Principal caller) {
    guard.requireHome(caller.homeRegion());
    return new UserId(caller.userId());
  }

  private static void requirePlausible(WorkoutDraft draft, Instant now) {
    List<FieldError> errors =
        PlausibilityRules.check(draft, now).stream()
            .map(v -> new FieldError(v.pointer(), v.message()))
            .toList();
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
  }

  private static void requireMatch(Workout current, Precondition precondition) {
    if (precondition.isConditional() && !precondition.ifMatch().contains(current.version())) {
      throw new ProblemException(
          ProblemType.PRECONDITION_FAILED,
          "The workout is at version " + current.version() + "; reload it and try again.");
    }
  }

  private static void retryOrFail(Precondition precondition, int attempt) {
    if (precondition.isConditional() || attempt >= ATTEMPTS) {
      throw new ProblemException(
          ProblemType.PRECONDITION_FAILED, "The workout changed while this request was applied.");
    }
  }

  private static ProblemException notFound(WorkoutId id) {
    return new ProblemException(ProblemType.NOT_FOUND, "You have no workout " + id + ".");
  }
}
