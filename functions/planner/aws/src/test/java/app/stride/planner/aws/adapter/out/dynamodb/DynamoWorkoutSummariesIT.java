package app.stride.planner.aws.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.stride.aws.dynamodb.DynamoDbClients;
import app.stride.aws.dynamodb.DynamoDbSettings;
import app.stride.core.problem.ProblemException;
import app.stride.core.region.RegionId;
import app.stride.planner.domain.UserId;
import app.stride.planner.domain.WorkoutSummary;
import app.stride.testkit.junit.DynaliteExtension;
import app.stride.testkit.junit.UniqueNames;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The planner's view of workouts, against a workouts table laid out as the issue-5 plan fixes it
 * (keys {@code userId}/{@code workoutId}) and written with the low-level client, as the workouts
 * capability would write it: extra attributes included.
 */
class DynamoWorkoutSummariesIT {
  @RegisterExtension static final DynaliteExtension DYNAMO = new DynaliteExtension();

  private static final RegionId EU = RegionId.of("eu");
  private static final String RUN = "w_01j9zq3v8t6x4n2kbc5d7e9f0g";

  private DynamoDbClient client;
  private String table;
  private DynamoWorkoutSummaries workouts;

  @BeforeEach
  void workoutsTable() {
    client =
        DynamoDbClients.client(
            new DynamoDbSettings(
                Region.of(DynaliteExtension.REGION), Optional.of(DYNAMO.endpoint())));
    table = UniqueNames.uniqueName("stride-workouts-eu");
    WorkoutsTable.create(client, table);
    workouts = new DynamoWorkoutSummaries(DynamoDbClients.enhanced(client), table, EU);
  }

  @Test
  void load_readsTheOwnersWorkout_ignoringOtherAttributes() {
    WorkoutsTable.put(client, table, "ana", RUN, "running");

    assertThat(workouts.load(new UserId("ana"), RUN, EU))
        .contains(
            new WorkoutSummary(
                RUN, "running", Instant.parse("2030-03-05T06:00:00Z"), 1800, 5200.0));
  }

  @Test
  void load_ofAnotherUsersWorkout_findsNothing() {
    WorkoutsTable.put(client, table, "bob", RUN, "running");

    assertThat(workouts.load(new UserId("ana"), RUN, EU)).isEmpty();
  }

  @Test
  void load_beforeTheWorkoutsTableExists_findsNothing() {
    DynamoWorkoutSummaries noTable =
        new DynamoWorkoutSummaries(
            DynamoDbClients.enhanced(client), UniqueNames.uniqueName("stride-workouts-eu"), EU);

    assertThat(noTable.load(new UserId("ana"), RUN, EU)).isEmpty();
  }

  @Test
  void load_forAnotherRegion_isRefused() {
    assertThatThrownBy(() -> workouts.load(new UserId("ana"), RUN, RegionId.of("us")))
        .isInstanceOf(ProblemException.class);
  }
}
