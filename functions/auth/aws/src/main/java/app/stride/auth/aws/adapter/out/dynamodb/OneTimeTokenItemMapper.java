package app.stride.auth.aws.adapter.out.dynamodb;

import app.stride.auth.domain.OneTimeToken;
import app.stride.auth.domain.UserId;

/** Maps one-time tokens between the domain and their items. */
final class OneTimeTokenItemMapper {
  private OneTimeTokenItemMapper() {}

  static OneTimeTokenItem toItem(OneTimeToken token) {
    OneTimeTokenItem item = new OneTimeTokenItem();
    item.setPk(AuthKeys.oneTime(token.tokenHash()));
    item.setTokenHash(token.tokenHash());
    item.setPurpose(token.purpose().name());
    item.setUserId(token.userId().value());
    item.setEndsAt(token.expiresAt());
    item.setFailures(token.failures());
    item.setExpiresAt(AuthKeys.ttlOf(token.expiresAt()));
    return item;
  }

  static OneTimeToken toDomain(OneTimeTokenItem item) {
    return new OneTimeToken(
        item.getTokenHash(),
        OneTimeToken.Purpose.valueOf(item.getPurpose()),
        new UserId(item.getUserId()),
        item.getEndsAt(),
        item.getFailures() == null ? 0 : item.getFailures());
  }
}
