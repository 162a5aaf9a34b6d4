package app.stride.profiles.application.port.in;

/**
 * Erases everything the profiles capability holds about a user whose account was deleted ({@code
 * app.stride.user.v1.deleted}). Delivery of that event is at-least-once, so erasing is idempotent:
 * a user with nothing left is a no-op, not an error.
 */
public interface EraseUserDataUseCase {
  /**
   * Erases the user's profile from this region's store, if this region is their home.
   *
   * @return what happened; every outcome means nothing of the user is left here
   * @throws app.stride.core.store.StoreUnavailableException when the store cannot be reached (the
   *     caller retries the message)
   * @throws app.stride.core.store.VersionConflictException when concurrent writes kept winning over
   *     a few attempts (the caller retries the message)
   */
  Erasure erase(EraseUserDataCommand command);

  /** The outcome of one erasure request. */
  enum Erasure {
    /**
     * The profile was removed (its personal fields at once; see {@code SaveProfilePort#delete}).
     */
    ERASED,
    /** There was no profile in this region: already erased, or never created. */
    NOTHING_HELD,
    /** The user's home is another region; its own eraser erases there, nothing was touched here. */
    NOT_THIS_REGION
  }
}
