package app.stride.auth.gcp.adapter.out.firestore;

import app.stride.auth.application.port.out.OneTimeTokenStore;
import app.stride.auth.domain.OneTimeToken;
import app.stride.core.store.VersionConflictException;
import app.stride.gcp.firestore.FirestoreCalls;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.Precondition;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-time tokens of one Firestore region ({@value OneTimeTokenDocument#COLLECTION}); the client
 * given is bound to that region's database. {@link #consume} reads the token and deletes it with
 * {@code Precondition.updatedAt} of that read: a delete fails once the document changed or is gone,
 * so of many concurrent consumers exactly one gets the token.
 */
public final class FirestoreOneTimeTokenStore implements OneTimeTokenStore {
  private static final Logger log = LoggerFactory.getLogger(FirestoreOneTimeTokenStore.class);

  /** Enough for a burst of concurrent wrong codes: each round, one of the racers wins. */
  private static final int ATTEMPTS = 16;

  private final CollectionReference tokens;

  public FirestoreOneTimeTokenStore(Firestore firestore) {
    this.tokens =
        Objects.requireNonNull(firestore, "firestore").collection(OneTimeTokenDocument.COLLECTION);
  }

  @Override
  public void save(OneTimeToken token) {
    FirestoreCalls.await(
        document(token.tokenHash())
            .create(OneTimeTokenDocumentMapper.toDocument(token).toFields()));
  }

  @Override
  public Optional<OneTimeToken> find(String tokenHash, OneTimeToken.Purpose purpose, Instant now) {
    DocumentSnapshot snapshot = FirestoreCalls.await(document(tokenHash).get());
    return live(snapshot, purpose, now);
  }

  @Override
  public Optional<OneTimeToken> consume(
      String tokenHash, OneTimeToken.Purpose purpose, Instant now) {
    DocumentReference ref = document(tokenHash);
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      DocumentSnapshot current = FirestoreCalls.await(ref.get());
      Optional<OneTimeToken> token = live(current, purpose, now);
      if (token.isEmpty()) {
        return token;
      }
      try {
        FirestoreCalls.await(ref.delete(Precondition.updatedAt(current.getUpdateTime())));
        return token;
      } catch (VersionConflictException changed) {
        log.debug("one-time token changed or was consumed meanwhile, attempt {}", attempt);
        Backoff.pause(attempt);
      }
    }
    throw new VersionConflictException("a one-time token is contended");
  }

  @Override
  public int recordFailure(String tokenHash) {
    DocumentReference ref = document(tokenHash);
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      DocumentSnapshot current = FirestoreCalls.await(ref.get());
      if (!current.exists()) {
        return OneTimeToken.MAX_FAILURES; // unknown or already used up: the challenge is dead
      }
      int failures = (int) OneTimeTokenDocument.fromSnapshot(current).failures() + 1;
      Precondition unchanged = Precondition.updatedAt(current.getUpdateTime());
      try {
        if (failures >= OneTimeToken.MAX_FAILURES) {
          FirestoreCalls.await(ref.delete(unchanged));
        } else {
          FirestoreCalls.await(
              ref.update(Map.of(OneTimeTokenDocument.FAILURES, (long) failures), unchanged));
        }
        return failures;
      } catch (VersionConflictException changed) {
        log.debug("one-time token changed while counting a failure, attempt {}", attempt);
        Backoff.pause(attempt);
      }
    }
    throw new VersionConflictException("a one-time token is contended");
  }

  private static Optional<OneTimeToken> live(
      DocumentSnapshot snapshot, OneTimeToken.Purpose purpose, Instant now) {
    if (!snapshot.exists()) {
      return Optional.empty();
    }
    OneTimeToken token =
        OneTimeTokenDocumentMapper.toToken(OneTimeTokenDocument.fromSnapshot(snapshot));
    return token.purpose() == purpose && !token.expiredAt(now)
        ? Optional.of(token)
        : Optional.empty();
  }

  private DocumentReference document(String tokenHash) {
    return tokens.document(DocumentIds.encode(tokenHash));
  }
}
