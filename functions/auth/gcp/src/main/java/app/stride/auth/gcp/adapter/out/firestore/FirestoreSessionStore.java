package app.stride.auth.gcp.adapter.out.firestore;

import app.stride.auth.application.port.out.SessionStore;
import app.stride.auth.domain.RefreshToken;
import app.stride.auth.domain.SessionFamily;
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
 * Sessions ({@value SessionDocument#COLLECTION}) and refresh tokens ({@value
 * RefreshTokenDocument#COLLECTION}) of one Firestore region; the client given is bound to that
 * region's database. New items are written with {@code create}; a revocation or a rotation reads
 * the document and writes with {@code Precondition.updatedAt} of that read, so of two racing
 * rotations exactly one sees the token unrotated and wins.
 */
public final class FirestoreSessionStore implements SessionStore {
  private static final Logger log = LoggerFactory.getLogger(FirestoreSessionStore.class);
  private static final int ATTEMPTS = 3;

  private final CollectionReference sessions;
  private final CollectionReference tokens;

  public FirestoreSessionStore(Firestore firestore) {
    Objects.requireNonNull(firestore, "firestore");
    this.sessions = firestore.collection(SessionDocument.COLLECTION);
    this.tokens = firestore.collection(RefreshTokenDocument.COLLECTION);
  }

  @Override
  public void startSession(SessionFamily family) {
    FirestoreCalls.await(
        session(family.familyId()).create(SessionDocumentMapper.toDocument(family).toFields()));
  }

  @Override
  public Optional<SessionFamily> findSession(String familyId) {
    DocumentSnapshot snapshot = FirestoreCalls.await(session(familyId).get());
    return snapshot.exists()
        ? Optional.of(SessionDocumentMapper.toSession(SessionDocument.fromSnapshot(snapshot)))
        : Optional.empty();
  }

  @Override
  public void revokeSession(String familyId, Instant now) {
    DocumentReference ref = session(familyId);
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      DocumentSnapshot current = FirestoreCalls.await(ref.get());
      if (!current.exists() || current.contains(SessionDocument.REVOKED_AT)) {
        return;
      }
      try {
        FirestoreCalls.await(
            ref.update(
                Map.of(SessionDocument.REVOKED_AT, FirestoreTimes.exact(now)),
                Precondition.updatedAt(current.getUpdateTime())));
        return;
      } catch (VersionConflictException changed) {
        log.debug("session changed while revoking it, attempt {}", attempt);
      }
    }
    throw new VersionConflictException("a session is contended");
  }

  @Override
  public void saveToken(RefreshToken token) {
    FirestoreCalls.await(
        token(token.tokenHash()).create(SessionDocumentMapper.toDocument(token).toFields()));
  }

  @Override
  public Optional<RefreshToken> findToken(String tokenHash) {
    DocumentSnapshot snapshot = FirestoreCalls.await(token(tokenHash).get());
    return snapshot.exists()
        ? Optional.of(SessionDocumentMapper.toToken(RefreshTokenDocument.fromSnapshot(snapshot)))
        : Optional.empty();
  }

  @Override
  public boolean markRotated(String tokenHash, Instant now) {
    DocumentReference ref = token(tokenHash);
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      DocumentSnapshot current = FirestoreCalls.await(ref.get());
      if (!current.exists() || current.contains(RefreshTokenDocument.ROTATED_AT)) {
        return false;
      }
      try {
        FirestoreCalls.await(
            ref.update(
                Map.of(RefreshTokenDocument.ROTATED_AT, FirestoreTimes.exact(now)),
                Precondition.updatedAt(current.getUpdateTime())));
        return true;
      } catch (VersionConflictException changed) {
        log.debug("refresh token changed while rotating it, attempt {}", attempt);
      }
    }
    throw new VersionConflictException("a refresh token is contended");
  }

  private DocumentReference session(String familyId) {
    return sessions.document(DocumentIds.encode(familyId));
  }

  private DocumentReference token(String tokenHash) {
    return tokens.document(DocumentIds.encode(tokenHash));
  }
}
