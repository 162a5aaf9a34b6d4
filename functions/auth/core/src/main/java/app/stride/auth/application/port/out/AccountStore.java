package app.stride.auth.application.port.out;

import app.stride.auth.domain.Account;
import app.stride.auth.domain.SocialLink;
import app.stride.auth.domain.UserId;
import app.stride.core.event.OutboundEvent;
import java.util.List;
import java.util.Optional;

/**
 * The accounts of one region. Login identifiers (the email, each social link) are claims: items of
 * their own that point at the account and are written with a conditional put, so two accounts can
 * never share one. Without transactions a crash can leave a claim whose account does not exist;
 * readers treat such a claim as absent and {@link #create} takes it over.
 *
 * <p>Failures: {@link app.stride.core.store.VersionConflictException} when a condition lost, {@link
 * app.stride.core.store.StoreUnavailableException} when the store cannot be reached.
 */
public interface AccountStore {
  /** The account with this id, if it exists (a deleted account does not). */
  Optional<Account> findById(UserId id);

  /** The account whose canonical email is {@code email}. */
  Optional<Account> findByEmail(String email);

  /** The account {@code link} is linked to. */
  Optional<Account> findBySocialLink(SocialLink link);

  /**
   * Creates a version-1 account with its email claim and a claim for each of its social links.
   *
   * @throws EmailTakenException when another live account holds the email or one of the links
   */
  void create(Account account);

  /**
   * Replaces the account with {@code next}, whose version must be {@code expectedVersion + 1}.
   * Social links added in {@code next} get their claims first.
   *
   * @throws app.stride.core.store.VersionConflictException when the stored version is not {@code
   *     expectedVersion}
   * @throws EmailTakenException when a new social link is claimed by another account
   */
  void update(Account next, long expectedVersion);

  /**
   * Deletes the account and its claims, leaving a tombstone that holds only the id and {@code
   * deleted}, the event that tells every capability to erase the user's data. The tombstone stays
   * until {@link #markPublished} confirms the event went out.
   */
  void delete(Account account, OutboundEvent deleted);

  /** Up to {@code limit} deletion events not yet confirmed as published, oldest first. */
  List<OutboundEvent> pendingDeletions(int limit);

  /** Removes the tombstone of {@code userId} once its event {@code eventId} is published. */
  void markPublished(UserId userId, String eventId);

  /** A login identifier is held by another account. */
  final class EmailTakenException extends RuntimeException {
    public EmailTakenException() {
      super("the login identifier is taken");
    }
  }
}
