package app.stride.auth.aws.adapter.out.dynamodb;

import app.stride.auth.application.port.out.SessionStore;
import app.stride.auth.domain.RefreshToken;
import app.stride.auth.domain.SessionFamily;
import app.stride.aws.dynamodb.ConditionalWrites;
import app.stride.aws.dynamodb.DynamoFailures;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.IgnoreNullsMode;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;

/**
 * Sessions ({@link SessionItem}, {@code pk = SESSION#<familyId>}) and refresh tokens ({@link
 * RefreshTokenItem}, {@code pk = REFRESH#<hash>}) of one region on DynamoDB. Both carry the TTL
 * attribute; readers get expired items until TTL removes them and check expiry themselves.
 *
 * <p>Revoking a session and rotating a token are single conditional updates that set one attribute
 * only if it is not set yet (and the item exists), so exactly one caller rotates a token.
 */
public final class DynamoSessionStore implements SessionStore {
  private static final TableSchema<SessionItem> SESSIONS = TableSchema.fromBean(SessionItem.class);
  private static final TableSchema<RefreshTokenItem> TOKENS =
      TableSchema.fromBean(RefreshTokenItem.class);

  private final ConditionalWrites<SessionItem> sessions;
  private final ConditionalWrites<RefreshTokenItem> tokens;

  public DynamoSessionStore(DynamoDbEnhancedClient client, AuthTableConfig config) {
    this.sessions = new ConditionalWrites<>(client.table(config.tableName(), SESSIONS));
    this.tokens = new ConditionalWrites<>(client.table(config.tableName(), TOKENS));
  }

  /** The table this store writes to (for local table creation). */
  public DynamoDbTable<SessionItem> table() {
    return sessions.table();
  }

  @Override
  public void startSession(SessionFamily family) {
    sessions.put(SessionItemMapper.toItem(family), Conditions.absent());
  }

  @Override
  public Optional<SessionFamily> findSession(String familyId) {
    return sessions.get(AuthKeys.key(AuthKeys.session(familyId))).map(SessionItemMapper::toDomain);
  }

  @Override
  public void revokeSession(String familyId, Instant now) {
    SessionItem change = new SessionItem();
    change.setPk(AuthKeys.session(familyId));
    change.setRevokedAt(now);
    Conditions.held(() -> setOnce(sessions.table(), SessionItem.class, change, "revokedAt"));
  }

  @Override
  public void saveToken(RefreshToken token) {
    tokens.put(SessionItemMapper.toItem(token), Conditions.absent());
  }

  @Override
  public Optional<RefreshToken> findToken(String tokenHash) {
    return tokens.get(AuthKeys.key(AuthKeys.refresh(tokenHash))).map(SessionItemMapper::toDomain);
  }

  @Override
  public boolean markRotated(String tokenHash, Instant now) {
    RefreshTokenItem change = new RefreshTokenItem();
    change.setPk(AuthKeys.refresh(tokenHash));
    change.setRotatedAt(now);
    return Conditions.held(
        () -> setOnce(tokens.table(), RefreshTokenItem.class, change, "rotatedAt"));
  }

  /** Writes the non-null attributes of {@code change} if the item exists without {@code once}. */
  private static <T> void setOnce(DynamoDbTable<T> table, Class<T> type, T change, String once) {
    Expression condition = Conditions.presentWithout(once);
    DynamoFailures.run(
        () ->
            table.updateItem(
                UpdateItemEnhancedRequest.builder(type)
                    .item(change)
                    .ignoreNullsMode(IgnoreNullsMode.SCALAR_ONLY)
                    .conditionExpression(condition)
                    .build()));
  }
}
