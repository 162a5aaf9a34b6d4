package app.stride.auth.aws.adapter.out.dynamodb;

import app.stride.auth.application.port.out.OneTimeTokenStore;
import app.stride.auth.domain.OneTimeToken;
import app.stride.aws.dynamodb.ConditionalWrites;
import app.stride.aws.dynamodb.DynamoFailures;
import app.stride.core.store.StoreUnavailableException;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.IgnoreNullsMode;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;

/**
 * One-time tokens of one region on DynamoDB ({@link OneTimeTokenItem}, {@code pk = OTT#<hash>}).
 *
 * <ul>
 *   <li>consume: one conditional delete ({@code purpose} matches, fewer than {@link
 *       OneTimeToken#MAX_FAILURES} failures, the TTL second is not past) that returns the deleted
 *       item, so exactly one caller wins; the exact expiry is checked on what it returns (a token
 *       that expired within its last second is deleted and reported absent, as it is dead anyway);
 *   <li>recordFailure: optimistic: a conditional update of {@code failures} from the value read,
 *       retried when another wrong code was counted in between; the item is deleted at {@link
 *       OneTimeToken#MAX_FAILURES}.
 * </ul>
 */
public final class DynamoOneTimeTokenStore implements OneTimeTokenStore {
  private static final TableSchema<OneTimeTokenItem> SCHEMA =
      TableSchema.fromBean(OneTimeTokenItem.class);
  private static final int MAX_ATTEMPTS = 20;

  private final ConditionalWrites<OneTimeTokenItem> items;

  public DynamoOneTimeTokenStore(DynamoDbEnhancedClient client, AuthTableConfig config) {
    this.items = new ConditionalWrites<>(client.table(config.tableName(), SCHEMA));
  }

  /** The table this store writes to (for local table creation). */
  public DynamoDbTable<OneTimeTokenItem> table() {
    return items.table();
  }

  @Override
  public void save(OneTimeToken token) {
    items.put(OneTimeTokenItemMapper.toItem(token), Conditions.absent());
  }

  @Override
  public Optional<OneTimeToken> find(String tokenHash, OneTimeToken.Purpose purpose, Instant now) {
    return items
        .get(key(tokenHash))
        .map(OneTimeTokenItemMapper::toDomain)
        .filter(t -> usable(t, purpose, now));
  }

  @Override
  public Optional<OneTimeToken> consume(
      String tokenHash, OneTimeToken.Purpose purpose, Instant now) {
    DeleteItemEnhancedRequest request =
        DeleteItemEnhancedRequest.builder()
            .key(key(tokenHash))
            .conditionExpression(
                Conditions.usableOneTimeToken(purpose.name(), OneTimeToken.MAX_FAILURES, now))
            .build();
    OneTimeTokenItem[] deleted = new OneTimeTokenItem[1];
    if (!Conditions.held(
        () -> deleted[0] = DynamoFailures.call(() -> items.table().deleteItem(request)))) {
      return Optional.empty();
    }
    return Optional.ofNullable(deleted[0])
        .map(OneTimeTokenItemMapper::toDomain)
        .filter(t -> usable(t, purpose, now));
  }

  /**
   * {@inheritDoc}
   *
   * <p>An unknown (or already deleted) token counts as used up: the answer is {@link
   * OneTimeToken#MAX_FAILURES}.
   */
  @Override
  public int recordFailure(String tokenHash) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<OneTimeTokenItem> current = items.get(key(tokenHash));
      if (current.isEmpty()) {
        return OneTimeToken.MAX_FAILURES;
      }
      int before = current.get().getFailures() == null ? 0 : current.get().getFailures();
      if (before >= OneTimeToken.MAX_FAILURES) {
        // used up by a concurrent call that has not deleted it yet
        delete(tokenHash);
        return OneTimeToken.MAX_FAILURES;
      }
      int after = before + 1;
      if (Conditions.held(() -> setFailures(tokenHash, before, after))) {
        if (after >= OneTimeToken.MAX_FAILURES) {
          delete(tokenHash);
        }
        return after;
      }
    }
    throw new StoreUnavailableException(
        "one-time token store", new IllegalStateException("too much contention on one token"));
  }

  private void setFailures(String tokenHash, int before, int after) {
    OneTimeTokenItem change = new OneTimeTokenItem();
    change.setPk(AuthKeys.oneTime(tokenHash));
    change.setFailures(after);
    DynamoFailures.run(
        () ->
            items
                .table()
                .updateItem(
                    UpdateItemEnhancedRequest.builder(OneTimeTokenItem.class)
                        .item(change)
                        .ignoreNullsMode(IgnoreNullsMode.SCALAR_ONLY)
                        .conditionExpression(Conditions.equals("failures", before))
                        .build()));
  }

  /**
   * Live, of {@code purpose}, and not used up by wrong codes (a delete may still be on its way).
   */
  private static boolean usable(OneTimeToken token, OneTimeToken.Purpose purpose, Instant now) {
    return token.purpose() == purpose
        && token.failures() < OneTimeToken.MAX_FAILURES
        && !token.expiredAt(now);
  }

  private void delete(String tokenHash) {
    DynamoFailures.run(() -> items.table().deleteItem(key(tokenHash)));
  }

  private static Key key(String tokenHash) {
    return AuthKeys.key(AuthKeys.oneTime(tokenHash));
  }
}
