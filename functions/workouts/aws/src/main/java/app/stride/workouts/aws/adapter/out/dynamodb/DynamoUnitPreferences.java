package app.stride.workouts.aws.adapter.out.dynamodb;

import app.stride.aws.dynamodb.DynamoFailures;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.workouts.application.port.out.LoadUnitPreferencePort;
import app.stride.workouts.domain.UnitSystem;
import app.stride.workouts.domain.UserId;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Reads {@code preferences.units} from the region's profiles table, read-only, as the profiles
 * capability lays it out ({@code ProfileItem}: {@code pk = USER#<userId>}, {@code sk = PROFILE}, a
 * {@code preferences} map whose {@code units} is {@code METRIC} or {@code IMPERIAL}; a deleted
 * profile is a marker with {@code deleted = true} and no preferences). One {@code GetItem}
 * projecting only those two attributes, so no other profile field is read. Metric when absent.
 */
public final class DynamoUnitPreferences implements LoadUnitPreferencePort {
  private final DynamoDbClient client;
  private final String profilesTable;
  private final ResidencyGuard guard;

  public DynamoUnitPreferences(DynamoDbClient client, String profilesTable, RegionId region) {
    this.client = client;
    this.profilesTable = profilesTable;
    this.guard = new ResidencyGuard(region);
  }

  @Override
  public UnitSystem unitsOf(UserId userId, RegionId home) {
    guard.requireHome(home);
    GetItemRequest request =
        GetItemRequest.builder()
            .tableName(profilesTable)
            .key(
                Map.of(
                    "pk", AttributeValue.fromS("USER#" + userId.value()),
                    "sk", AttributeValue.fromS("PROFILE")))
            .projectionExpression("#p.#u, #d")
            .expressionAttributeNames(Map.of("#p", "preferences", "#u", "units", "#d", "deleted"))
            .consistentRead(false)
            .build();
    Map<String, AttributeValue> item;
    try {
      item = DynamoFailures.call(() -> client.getItem(request).item());
    } catch (ResourceNotFoundException e) {
      // No profiles table yet holds no profile: locally a table appears on its capability's first
      // call (in the clouds infra creates it), and a profile-less user is metric.
      return UnitSystem.METRIC;
    }
    if (item == null || item.isEmpty()) {
      return UnitSystem.METRIC;
    }
    AttributeValue deleted = item.get("deleted");
    if (deleted != null && Boolean.TRUE.equals(deleted.bool())) {
      return UnitSystem.METRIC;
    }
    AttributeValue preferences = item.get("preferences");
    if (preferences == null || !preferences.hasM() || !preferences.m().containsKey("units")) {
      return UnitSystem.METRIC;
    }
    return "IMPERIAL".equals(preferences.m().get("units").s())
        ? UnitSystem.IMPERIAL
        : UnitSystem.METRIC;
  }
}
