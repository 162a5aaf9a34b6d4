package app.stride.devices.application.service;

import app.stride.core.problem.ProblemException;
import app.stride.core.problem.ProblemType;
import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.devices.application.port.out.ActivityStore;
import app.stride.devices.application.port.out.ObjectStore;
import app.stride.devices.domain.Activity;
import app.stride.devices.domain.ActivityId;
import app.stride.devices.domain.Sample;
import app.stride.devices.domain.UserId;
import java.util.List;

/** Reads a user's activities and their sample streams. */
public final class ActivityQueries {
  private final ActivityStore store;
  private final ObjectStore objects;
  private final ResidencyGuard guard;

  public ActivityQueries(ActivityStore store, ObjectStore objects, RegionId servingRegion) {
    this.store = store;
    this.objects = objects;
    this.guard = new ResidencyGuard(servingRegion);
  }

  /** The activity {@code id} of {@code user}; another user's id is not found. */
  public Activity activity(UserId user, RegionId home, ActivityId id) {
    guard.requireHome(home);
    return store
        .find(user, id, home)
        .orElseThrow(
            () -> new ProblemException(ProblemType.NOT_FOUND, "You have no activity " + id + "."));
  }

  /**
   * The sample stream of {@code activity}, read from the object its stored version records ({@link
   * SampleStreams#key(Activity)}); empty when it has none, or when that object is gone (a
   * concurrent write replaced the stream and deleted it after {@code activity} was read).
   */
  public List<Sample> samples(Activity activity) {
    return SampleStreams.key(activity)
        .flatMap(objects::get)
        .map(SampleStreams::decode)
        .orElse(List.of());
  }
}
