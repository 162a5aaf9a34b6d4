package app.stride.auth.gcp.adapter.out.firestore;

import app.stride.auth.domain.RefreshToken;
import app.stride.auth.domain.SessionFamily;
import app.stride.auth.domain.UserId;

/** Maps sessions and refresh tokens to and from their documents. */
public final class SessionDocumentMapper {
  private SessionDocumentMapper() {}

  /** The document of {@code family}. */
  public static SessionDocument toDocument(SessionFamily family) {
    return new SessionDocument(
        family.familyId(),
        family.userId().value(),
        family.startedAt(),
        family.expiresAt(),
        family.revokedAt());
  }

  /** The session a document holds. */
  public static SessionFamily toSession(SessionDocument document) {
    return new SessionFamily(
        document.familyId(),
        new UserId(document.userId()),
        document.startedAt(),
        document.expiresAt(),
        document.revokedAt());
  }

  /** The document of {@code token}. */
  public static RefreshTokenDocument toDocument(RefreshToken token) {
    return new RefreshTokenDocument(
        token.tokenHash(),
        token.familyId(),
        token.userId().value(),
        token.amr(),
        token.issuedAt(),
        token.expiresAt(),
        token.rotatedAt());
  }

  /** The refresh token a document holds. */
  public static RefreshToken toToken(RefreshTokenDocument document) {
    return new RefreshToken(
        document.tokenHash(),
        document.familyId(),
        new UserId(document.userId()),
        document.amr(),
        document.issuedAt(),
        document.expiresAt(),
        document.rotatedAt());
  }
}
