package app.stride.planner.aws.adapter.out.dynamodb;

import app.stride.aws.dynamodb.ConditionalWrites;
import app.stride.aws.dynamodb.DynamoFailures;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.planner.application.port.out.CalendarFeedStore;
import app.stride.planner.domain.CalendarFeed;
import app.stride.planner.domain.UserId;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * Calendar feeds in the region's planner table: the user's {@link CalendarFeedItem} and one {@link
 * FeedLookupItem} per issued token hash. Each write is a single-item conditional one: a lookup is
 * put if absent, the feed is put if absent or at the version read, deleted at the version read.
 */
public final class DynamoCalendarFeedStore implements CalendarFeedStore {
  private static final TableSchema<CalendarFeedItem> FEED_SCHEMA =
      TableSchema.fromBean(CalendarFeedItem.class);
  private static final TableSchema<FeedLookupItem> LOOKUP_SCHEMA =
      TableSchema.fromBean(FeedLookupItem.class);

  private final ConditionalWrites<CalendarFeedItem> feeds;
  private final ConditionalWrites<FeedLookupItem> lookups;
  private final ResidencyGuard guard;

  /** A store over {@code tableName} (the planner table), serving users homed in {@code region}. */
  public DynamoCalendarFeedStore(DynamoDbEnhancedClient client, String tableName, RegionId region) {
    this.feeds = new ConditionalWrites<>(client.table(tableName, FEED_SCHEMA));
    this.lookups = new ConditionalWrites<>(client.table(tableName, LOOKUP_SCHEMA));
    this.guard = new ResidencyGuard(region);
  }

  @Override
  public Optional<CalendarFeed> load(UserId userId, RegionId home) {
    guard.requireHome(home);
    return feeds
        .get(feedKey(userId))
        .map(
            item ->
                new CalendarFeed(
                    new UserId(item.getUserId()),
                    item.getTokenHash(),
                    item.getLanguage(),
                    item.getCreatedAt(),
                    item.getVersion()));
  }

  @Override
  public Optional<UserId> ownerOf(String tokenHash, RegionId home) {
    guard.requireHome(home);
    return lookups.get(lookupKey(tokenHash)).map(item -> new UserId(item.getUserId()));
  }

  @Override
  public void addLookup(String tokenHash, UserId userId, Instant createdAt, RegionId home) {
    guard.requireHome(home);
    FeedLookupItem item = new FeedLookupItem();
    item.setPk(FeedLookupItem.partitionOf(tokenHash));
    item.setSk(FeedLookupItem.SORT_KEY);
    item.setUserId(userId.value());
    item.setCreatedAt(createdAt);
    lookups.putIfAbsent(item);
  }

  @Override
  public void removeLookup(String tokenHash, RegionId home) {
    guard.requireHome(home);
    DynamoFailures.run(() -> lookups.table().deleteItem(lookupKey(tokenHash)));
  }

  @Override
  public void save(CalendarFeed feed, long expectedVersion, RegionId home) {
    guard.requireHome(home);
    CalendarFeedItem item = new CalendarFeedItem();
    item.setPk(MyPlanItem.partitionOf(feed.userId().value()));
    item.setSk(CalendarFeedItem.SORT_KEY);
    item.setUserId(feed.userId().value());
    item.setTokenHash(feed.tokenHash());
    item.setLanguage(feed.language());
    item.setCreatedAt(feed.createdAt());
    item.setVersion(feed.version());
    if (expectedVersion == 0) {
      feeds.putIfAbsent(item);
    } else {
      feeds.put(item, ConditionalWrites.attributeEquals("version", expectedVersion));
    }
  }

  @Override
  public void delete(UserId userId, long expectedVersion, RegionId home) {
    guard.requireHome(home);
    feeds.deleteIf(feedKey(userId), ConditionalWrites.attributeEquals("version", expectedVersion));
  }

  private static Key feedKey(UserId userId) {
    return Key.builder()
        .partitionValue(MyPlanItem.partitionOf(userId.value()))
        .sortValue(CalendarFeedItem.SORT_KEY)
        .build();
  }

  private static Key lookupKey(String tokenHash) {
    return Key.builder()
        .partitionValue(FeedLookupItem.partitionOf(tokenHash))
        .sortValue(FeedLookupItem.SORT_KEY)
        .build();
  }
}
