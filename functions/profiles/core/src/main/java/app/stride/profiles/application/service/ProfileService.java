package app.stride.profiles.application.service;

import app.stride.core.auth.Principal;
import app.stride.core.event.EventPublisher;
import app.stride.core.event.OutboundEvent;
import app.stride.core.problem.FieldError;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.core.store.VersionConflictException;
import app.stride.events.profile.v1.ProfileUpdated.Change;
import app.stride.profiles.application.port.in.ManageMyProfileUseCase;
import app.stride.profiles.application.port.in.Precondition;
import app.stride.profiles.application.port.out.ProfileStore;
import app.stride.profiles.domain.Profile;
import app.stride.profiles.domain.ProfileDraft;
import app.stride.profiles.domain.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@link ManageMyProfileUseCase} from one region's store.
 *
 * <p>Every write is a single-item conditional write on the version read just before. A client that
 * sent {@code If-Match}/{@code If-None-Match} gets {@code 412} when it lost; an unconditional
 * request is retried a few times on a lost race, so it behaves as "last writer wins" without ever
 * overwriting a version it did not read. The change's event is written with the item and published
 * right after; if publishing fails, the outbox relay publishes it later.
 */
public final class ProfileService implements ManageMyProfileUseCase {
  private static final Logger log = LoggerFactory.getLogger(ProfileService.class);
  private static final int ATTEMPTS = 3;

  private final ProfileStore store;
  private final EventPublisher publisher;
  private final ResidencyGuard guard;
  private final ProfileEvents events;
  private final Clock clock;

  public ProfileService(
      ProfileStore store, EventPublisher publisher, RegionId servingRegion, Clock clock) {
    this.store = store;
    this.publisher = publisher;
    this.guard = new ResidencyGuard(servingRegion);
    this.events = new ProfileEvents(servingRegion);
    this.clock = clock;
  }

  @Override
  public Profile get(Principal caller) {
    return load(caller).orElseThrow(ProfileService::notFound);
  }

  @Override
  public PutResult put(Principal caller, ProfileDraft draft, Precondition precondition) {
    requireValid(draft);
    for (int attempt = 1; ; attempt++) {
      Optional<Profile> current = load(caller);
      try {
        if (current.isEmpty()) {
          if (precondition.ifMatch() != null || precondition.ifMatchAny()) {
            throw preconditionFailed("The profile does not exist.");
          }
          return new PutResult(create(caller, draft), true);
        }
        if (precondition.ifNoneMatchAny()) {
          throw preconditionFailed("The profile already exists.");
        }
        requireMatch(current.get(), precondition);
        return new PutResult(revise(caller, current.get(), draft, Change.REPLACED), false);
      } catch (VersionConflictException e) {
        retryOrFail(precondition, attempt);
      }
    }
  }

  @Override
  public Profile update(
      Principal caller, UnaryOperator<ProfileDraft> change, Precondition precondition) {
    for (int attempt = 1; ; attempt++) {
      Profile current = get(caller);
      requireMatch(current, precondition);
      ProfileDraft draft = change.apply(current.draft());
      requireValid(draft);
      try {
        return revise(caller, current, draft, Change.PATCHED);
      } catch (VersionConflictException e) {
        retryOrFail(precondition, attempt);
      }
    }
  }

  @Override
  public void delete(Principal caller, Precondition precondition) {
    for (int attempt = 1; ; attempt++) {
      Profile current = get(caller);
      requireMatch(current, precondition);
      UserId userId = current.userId();
      OutboundEvent event =
          events.updated(userId, current.version(), Change.DELETED, List.of(), now());
      try {
        store.delete(userId, current.version(), event, caller.homeRegion());
        publish(userId, event, caller.homeRegion());
        return;
      } catch (VersionConflictException e) {
        retryOrFail(precondition, attempt);
      }
    }
  }

  private Profile create(Principal caller, ProfileDraft draft) {
    UserId userId = new UserId(caller.userId());
    Profile profile = Profile.create(userId, draft, now());
    OutboundEvent event =
        events.updated(userId, 1, Change.CREATED, draft.setFields(), profile.updatedAt());
    store.create(profile, event, caller.homeRegion());
    publish(userId, event, caller.homeRegion());
    return profile;
  }

  private Profile revise(Principal caller, Profile current, ProfileDraft draft, Change change) {
    List<String> changed = current.draft().changedFields(draft);
    if (changed.isEmpty()) {
      return current;
    }
    Profile next = current.revise(draft, now());
    OutboundEvent event =
        events.updated(next.userId(), next.version(), change, changed, next.updatedAt());
    store.replace(next, current.version(), event, caller.homeRegion());
    publish(next.userId(), event, caller.homeRegion());
    return next;
  }

  private void publish(UserId userId, OutboundEvent event, RegionId home) {
    try {
      publisher.publish(event);
      store.markPublished(userId, event.id(), home);
    } catch (RuntimeException e) {
      log.warn("event={} left in the outbox for the relay: {}", event.id(), e.toString());
    }
  }

  private Optional<Profile> load(Principal caller) {
    guard.requireHome(caller.homeRegion());
    return store.load(new UserId(caller.userId()), caller.homeRegion());
  }

  private void requireValid(ProfileDraft draft) {
    List<FieldError> errors =
        draft.violations(clock).stream()
            .map(v -> new FieldError(v.pointer(), v.message()))
            .toList();
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
  }

  private static void requireMatch(Profile current, Precondition precondition) {
    if (precondition.ifMatch() != null && !precondition.ifMatch().contains(current.version())) {
      throw preconditionFailed(
          "The profile is at version " + current.version() + "; reload it and try again.");
    }
  }

  private static void retryOrFail(Precondition precondition, int attempt) {
    if (precondition.isConditional() || attempt >= ATTEMPTS) {
      throw preconditionFailed("The profile changed while this request was applied.");
    }
  }

  private Instant now() {
    return clock.instant();
  }

  private static ProblemException notFound() {
    return new ProblemException(ProblemType.NOT_FOUND, "You have no profile in this region.");
  }

  private static ProblemException preconditionFailed(String detail) {
    return new ProblemException(ProblemType.PRECONDITION_FAILED, detail);
  }
}
