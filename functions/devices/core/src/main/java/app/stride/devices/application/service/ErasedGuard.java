package app.stride.devices.application.service;

import app.stride.core.problem.Problem;
import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.devices.application.port.out.ErasedAccounts;
import app.stride.devices.domain.UserId;
import java.util.Map;
import java.util.Objects;

/**
 * The check every write of a user's devices data makes before it writes: has the account been
 * erased ({@link ErasedAccounts})? A request is refused as {@code unauthorized} (401, the bearer
 * challenge of an invalid token): the token is valid but its account is gone, and signing in again
 * is the only way on, which fails for a deleted account. A worker drops its message instead.
 */
final class ErasedGuard {
  private final ErasedAccounts erased;
  private final RegionId region;

  ErasedGuard(ErasedAccounts erased, RegionId region) {
    this.erased = Objects.requireNonNull(erased, "erased");
    this.region = Objects.requireNonNull(region, "region");
  }

  /** Whether {@code user}'s account was erased in this region. */
  boolean erased(UserId user) {
    return erased.isErased(user, region);
  }

  /**
   * Refuses a request of an erased account.
   *
   * @throws ProblemException {@code unauthorized} (401) when {@code user}'s account was erased
   */
  void refuse(UserId user) {
    if (erased(user)) {
      throw new ProblemException(
          Problem.of(ProblemType.UNAUTHORIZED, "This account has been deleted."),
          Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""),
          null);
    }
  }
}
