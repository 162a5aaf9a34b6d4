package app.stride.profiles.application.port.in;

import app.stride.core.auth.Principal;
import app.stride.profiles.domain.Profile;
import app.stride.profiles.domain.ProfileDraft;
import java.util.function.UnaryOperator;

/**
 * A user reads and edits their own profile, in their home region. Every change is conditional on
 * the version the client saw when it says so, and emits one {@code app.stride.profile.v1.updated}
 * event.
 */
public interface ManageMyProfileUseCase {
  /**
   * The caller's profile.
   *
   * @throws app.stride.core.problem.ProblemException {@code not-found} when they have none
   */
  Profile get(Principal caller);

  /**
   * Creates or replaces the caller's profile with {@code draft}.
   *
   * @throws app.stride.core.problem.ProblemException {@code validation-failed} for a draft that
   *     breaks a rule, {@code precondition-failed} when {@code precondition} does not hold
   */
  PutResult put(Principal caller, ProfileDraft draft, Precondition precondition);

  /**
   * Changes the caller's existing profile by applying {@code change} to its current draft.
   *
   * @throws app.stride.core.problem.ProblemException {@code not-found}, {@code
   *     precondition-failed}, {@code validation-failed}
   */
  Profile update(Principal caller, UnaryOperator<ProfileDraft> change, Precondition precondition);

  /**
   * Deletes the caller's profile from their region's store.
   *
   * @throws app.stride.core.problem.ProblemException {@code not-found}, {@code precondition-failed}
   */
  void delete(Principal caller, Precondition precondition);

  /**
   * The outcome of a put.
   *
   * @param profile the stored profile
   * @param created whether it did not exist before
   */
  record PutResult(Profile profile, boolean created) {}
}
