package app.stride.planner.application.service;

import app.stride.core.auth.Principal;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.core.store.StoreUnavailableException;
import app.stride.core.store.VersionConflictException;
import app.stride.planner.application.port.in.CalendarFeedUseCase;
import app.stride.planner.application.port.in.ViewScheduleUseCase.Entry;
import app.stride.planner.application.port.out.CalendarFeedStore;
import app.stride.planner.application.port.out.LoadMyPlansPort;
import app.stride.planner.application.port.out.PlanLibraryPort;
import app.stride.planner.application.service.FeedTokens.Minted;
import app.stride.planner.application.service.FeedTokens.Parsed;
import app.stride.planner.domain.CalendarFeed;
import app.stride.planner.domain.ScheduledPlan;
import app.stride.planner.domain.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Serves {@link CalendarFeedUseCase} with single-record conditional writes (no transactions).
 *
 * <p>Rotation: add the new token's lookup, then replace the user's feed record on the version read
 * (this write is the switch: from then on only the new hash matches), then remove the old lookup. A
 * token is accepted only when its lookup's user has a feed record naming the same hash, so a crash
 * before the last step leaves a harmless orphan lookup, never a valid old URL; a lost race removes
 * its own new lookup and retries.
 */
public final class CalendarFeedService implements CalendarFeedUseCase {
  private static final int ATTEMPTS = 3;

  private final CalendarFeedStore feeds;
  private final CurrentPlans plans;
  private final RegionId servingRegion;
  private final ResidencyGuard guard;
  private final Clock clock;
  private final FeedTokens tokens = new FeedTokens();

  public CalendarFeedService(
      CalendarFeedStore feeds,
      LoadMyPlansPort plans,
      PlanLibraryPort library,
      RegionId servingRegion,
      Clock clock) {
    this.feeds = feeds;
    this.plans = new CurrentPlans(plans, library);
    this.servingRegion = servingRegion;
    this.guard = new ResidencyGuard(servingRegion);
    this.clock = clock;
  }

  @Override
  public IssuedFeed issue(Principal caller, String language) {
    guard.requireHome(caller.homeRegion());
    UserId userId = new UserId(caller.userId());
    RegionId home = caller.homeRegion();
    for (int attempt = 1; ; attempt++) {
      Optional<CalendarFeed> current = feeds.load(userId, home);
      Minted minted = tokens.mint(home);
      Instant now = clock.instant();
      long expected = current.map(CalendarFeed::version).orElse(0L);
      CalendarFeed next = new CalendarFeed(userId, minted.hash(), language, now, expected + 1);
      feeds.addLookup(minted.hash(), userId, now, home);
      try {
        feeds.save(next, expected, home);
      } catch (VersionConflictException lost) {
        feeds.removeLookup(minted.hash(), home);
        if (attempt >= ATTEMPTS) {
          throw conflict();
        }
        continue;
      }
      current.ifPresent(old -> removeQuietly(old.tokenHash(), home));
      return new IssuedFeed(minted.token(), next);
    }
  }

  @Override
  public void revoke(Principal caller) {
    guard.requireHome(caller.homeRegion());
    UserId userId = new UserId(caller.userId());
    RegionId home = caller.homeRegion();
    for (int attempt = 1; ; attempt++) {
      Optional<CalendarFeed> current = feeds.load(userId, home);
      if (current.isEmpty()) {
        return;
      }
      try {
        feeds.delete(userId, current.get().version(), home);
      } catch (VersionConflictException lost) {
        if (attempt >= ATTEMPTS) {
          throw conflict();
        }
        continue;
      }
      removeQuietly(current.get().tokenHash(), home);
      return;
    }
  }

  @Override
  public Feed read(String feedToken) {
    Parsed token =
        FeedTokens.parse(feedToken)
            .filter(parsed -> parsed.region().equals(servingRegion))
            .orElseThrow(CalendarFeedService::unknownFeed);
    UserId owner =
        feeds.ownerOf(token.hash(), servingRegion).orElseThrow(CalendarFeedService::unknownFeed);
    CalendarFeed feed =
        feeds
            .load(owner, servingRegion)
            .filter(current -> FeedTokens.sameHash(current.tokenHash(), token.hash()))
            .orElseThrow(CalendarFeedService::unknownFeed);
    Instant now = clock.instant();
    List<Entry> entries = new ArrayList<>();
    for (ScheduledPlan plan : plans.of(owner, servingRegion, now)) {
      LocalDate first = plan.today().minusDays(PAST_DAYS);
      LocalDate last = plan.today().plusDays(FUTURE_DAYS);
      plan.sessions().stream()
          .filter(s -> s.isDated() && !s.date().isBefore(first) && !s.date().isAfter(last))
          .forEach(s -> entries.add(new Entry(plan, s)));
    }
    entries.sort(CurrentPlans.ORDER);
    return new Feed(feed.language(), now, entries);
  }

  /** Removes a lookup the feed record no longer names; a failure leaves a harmless orphan. */
  private void removeQuietly(String tokenHash, RegionId home) {
    try {
      feeds.removeLookup(tokenHash, home);
    } catch (StoreUnavailableException orphanLeft) {
      // The feed record no longer names this hash, so the token is refused either way.
    }
  }

  private static ProblemException unknownFeed() {
    return new ProblemException(ProblemType.NOT_FOUND, "There is no calendar feed at this URL.");
  }

  private static ProblemException conflict() {
    return new ProblemException(
        ProblemType.CONFLICT, "The calendar feed changed while this request was applied; retry.");
  }
}
