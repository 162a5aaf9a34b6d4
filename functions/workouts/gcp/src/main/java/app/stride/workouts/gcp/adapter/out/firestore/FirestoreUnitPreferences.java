package app.stride.workouts.gcp.adapter.out.firestore;

import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.gcp.firestore.FirestoreCalls;
import app.stride.workouts.application.port.out.LoadUnitPreferencePort;
import app.stride.workouts.domain.UnitSystem;
import app.stride.workouts.domain.UserId;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldMask;
import com.google.cloud.firestore.Firestore;

/**
 * Reads {@code preferences.units} from the region's profiles collection, read-only, as the profiles
 * capability lays it out ({@code ProfileDocument}: collection {@code profiles}, document id = user
 * id, a {@code preferences} map whose {@code units} is {@code METRIC} or {@code IMPERIAL}; a
 * deleted profile is a marker with {@code deleted = true}). The read is masked to those two fields,
 * so no other profile field is fetched. Metric when absent.
 */
public final class FirestoreUnitPreferences implements LoadUnitPreferencePort {
  private final Firestore firestore;
  private final ResidencyGuard guard;

  public FirestoreUnitPreferences(Firestore firestore, RegionId region) {
    this.firestore = firestore;
    this.guard = new ResidencyGuard(region);
  }

  @Override
  public UnitSystem unitsOf(UserId userId, RegionId home) {
    guard.requireHome(home);
    DocumentSnapshot profile =
        FirestoreCalls.await(
            firestore
                .collection("profiles")
                .document(userId.value())
                .get(FieldMask.of("preferences.units", "deleted")));
    if (!profile.exists() || Boolean.TRUE.equals(profile.getBoolean("deleted"))) {
      return UnitSystem.METRIC;
    }
    return "IMPERIAL".equals(profile.getString("preferences.units"))
        ? UnitSystem.IMPERIAL
        : UnitSystem.METRIC;
  }
}
