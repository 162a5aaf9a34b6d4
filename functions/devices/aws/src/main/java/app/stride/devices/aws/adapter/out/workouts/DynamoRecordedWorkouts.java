package app.stride.devices.aws.adapter.out.workouts;

import app.stride.aws.dynamodb.DynamoFailures;
import app.stride.aws.dynamodb.TableNames;
import app.stride.core.config.Env;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.devices.application.port.out.RecordedWorkouts;
import app.stride.devices.domain.UserId;
import app.stride.devices.domain.WorkoutSummary;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Reads a user's recorded workouts from the workouts table of the serving region through its
 * {@value RecordedWorkoutItem#BY_START_TIME} index, newest first, by the owner's partition, so
 * another user's workout is never read. Read-only: no method writes.
 *
 * <p>Start keys begin with {@code Instant.toString()} of a whole-second start, which sorts by time
 * only among whole-second instants (a fraction would sort {@code "."} before {@code "Z"}): the
 * bounds are rounded up to whole seconds, which keeps {@code [from, to)} exact for such starts.
 */
public final class DynamoRecordedWorkouts implements RecordedWorkouts {
  /** The variable naming the workouts table (default {@code stride-workouts-<region>}). */
  public static final String TABLE_ENV = "STRIDE_WORKOUTS_TABLE";

  private static final TableSchema<RecordedWorkoutItem> SCHEMA =
      TableSchema.fromBean(RecordedWorkoutItem.class);

  private final DynamoDbIndex<RecordedWorkoutItem> byStart;
  private final ResidencyGuard guard;

  public DynamoRecordedWorkouts(DynamoDbEnhancedClient client, String tableName, RegionId region) {
    this.byStart =
        Objects.requireNonNull(client, "client")
            .table(tableName, SCHEMA)
            .index(RecordedWorkoutItem.BY_START_TIME);
    this.guard = new ResidencyGuard(region);
  }

  /** The view of the table {@value #TABLE_ENV} names in {@code env}, in {@code region}. */
  public static DynamoRecordedWorkouts fromEnv(
      DynamoDbEnhancedClient client, Env env, RegionId region) {
    return new DynamoRecordedWorkouts(
        client, TableNames.fromEnv(env, TABLE_ENV, "workouts", region), region);
  }

  @Override
  public List<WorkoutSummary> startingBetween(
      UserId userId, Instant from, Instant to, int limit, RegionId home) {
    guard.requireHome(home);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
    }
    Instant lower = wholeSecondUp(from);
    Instant upper = wholeSecondUp(to);
    if (!lower.isBefore(upper)) {
      return List.of();
    }
    // BETWEEN is inclusive: "<from>" sorts before every key starting at from, and "<to>" after
    // every
    // key starting before to but before "<to>#<id>", so the range is [from, to).
    QueryEnhancedRequest request =
        QueryEnhancedRequest.builder()
            .queryConditional(
                QueryConditional.sortBetween(
                    key(userId, lower.toString()), key(userId, upper.toString())))
            .scanIndexForward(false)
            .limit(limit)
            .build();
    try {
      return DynamoFailures.call(
          () ->
              byStart.query(request).stream()
                  .flatMap(page -> page.items().stream())
                  .filter(item -> item.getSport() != null && item.getStartTime() != null)
                  .limit(limit)
                  .map(DynamoRecordedWorkouts::summary)
                  .toList());
    } catch (ResourceNotFoundException e) {
      // No workouts table yet holds no workout: locally a table appears on its capability's first
      // call (in the clouds infra creates it).
      return List.of();
    }
  }

  private static Key key(UserId userId, String sortValue) {
    return Key.builder().partitionValue(userId.value()).sortValue(sortValue).build();
  }

  private static WorkoutSummary summary(RecordedWorkoutItem item) {
    Instant start = Instant.parse(item.getStartTime());
    return new WorkoutSummary(
        item.getWorkoutId(),
        item.getSport(),
        start,
        offset(item.getTimeZone(), start),
        Duration.ofSeconds(item.getDurationSeconds() == null ? 0 : item.getDurationSeconds()),
        item.getDistanceMeters(),
        item.getAverageHeartRate());
  }

  /** The zone's offset at {@code start}; null for no zone or one this JVM does not know. */
  static ZoneOffset offset(String timeZone, Instant start) {
    if (timeZone == null) {
      return null;
    }
    try {
      return ZoneId.of(timeZone).getRules().getOffset(start);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static Instant wholeSecondUp(Instant at) {
    Instant whole = at.truncatedTo(ChronoUnit.SECONDS);
    return whole.equals(at) ? whole : whole.plusSeconds(1);
  }
}
