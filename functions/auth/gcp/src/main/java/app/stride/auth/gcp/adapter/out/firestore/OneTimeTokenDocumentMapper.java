package app.stride.auth.gcp.adapter.out.firestore;

import app.stride.auth.domain.OneTimeToken;
import app.stride.auth.domain.UserId;

/** Maps one-time tokens to and from their documents; the purpose is stored by name. */
public final class OneTimeTokenDocumentMapper {
  private OneTimeTokenDocumentMapper() {}

  /** The document of {@code token}. */
  public static OneTimeTokenDocument toDocument(OneTimeToken token) {
    return new OneTimeTokenDocument(
        token.tokenHash(),
        token.purpose().name(),
        token.userId().value(),
        token.expiresAt(),
        token.failures());
  }

  /** The token a document holds. */
  public static OneTimeToken toToken(OneTimeTokenDocument document) {
    return new OneTimeToken(
        document.tokenHash(),
        OneTimeToken.Purpose.valueOf(document.purpose()),
        new UserId(document.userId()),
        document.expiresAt(),
        Math.toIntExact(document.failures()));
  }
}
