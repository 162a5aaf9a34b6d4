package app.stride.auth.aws.adapter.out.dynamodb;

import app.stride.auth.domain.RefreshToken;
import app.stride.auth.domain.SessionFamily;
import app.stride.auth.domain.UserId;

/** Maps sessions and refresh tokens between the domain and their items. */
final class SessionItemMapper {
  private SessionItemMapper() {}

  static SessionItem toItem(SessionFamily family) {
    SessionItem item = new SessionItem();
    item.setPk(AuthKeys.session(family.familyId()));
    item.setFamilyId(family.familyId());
    item.setUserId(family.userId().value());
    item.setStartedAt(family.startedAt());
    item.setEndsAt(family.expiresAt());
    item.setRevokedAt(family.revokedAt());
    item.setExpiresAt(AuthKeys.ttlOf(family.expiresAt()));
    return item;
  }

  static SessionFamily toDomain(SessionItem item) {
    return new SessionFamily(
        item.getFamilyId(),
        new UserId(item.getUserId()),
        item.getStartedAt(),
        item.getEndsAt(),
        item.getRevokedAt());
  }

  static RefreshTokenItem toItem(RefreshToken token) {
    RefreshTokenItem item = new RefreshTokenItem();
    item.setPk(AuthKeys.refresh(token.tokenHash()));
    item.setTokenHash(token.tokenHash());
    item.setFamilyId(token.familyId());
    item.setUserId(token.userId().value());
    item.setAmr(token.amr());
    item.setIssuedAt(token.issuedAt());
    item.setEndsAt(token.expiresAt());
    item.setRotatedAt(token.rotatedAt());
    item.setExpiresAt(AuthKeys.ttlOf(token.expiresAt()));
    return item;
  }

  static RefreshToken toDomain(RefreshTokenItem item) {
    return new RefreshToken(
        item.getTokenHash(),
        item.getFamilyId(),
        new UserId(item.getUserId()),
        item.getAmr(),
        item.getIssuedAt(),
        item.getEndsAt(),
        item.getRotatedAt());
  }
}
