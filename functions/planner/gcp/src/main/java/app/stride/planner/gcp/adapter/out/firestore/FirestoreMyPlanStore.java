package app.stride.planner.gcp.adapter.out.firestore;

import app.stride.core.region.RegionId;
import app.stride.core.region.ResidencyGuard;
import app.stride.gcp.firestore.FirestoreCalls;
import app.stride.gcp.firestore.VersionedDocuments;
import app.stride.planner.application.port.out.MyPlanStore;
import app.stride.planner.domain.MyPlan;
import app.stride.planner.domain.MyPlanId;
import app.stride.planner.domain.UserId;
import com.google.cloud.firestore.CollectionReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Users' plans of one Firestore region, in {@code users/{userId}/plans/{myPlanId}}. Every method
 * first asks the {@link ResidencyGuard} whether the user's home is this region. Writes follow
 * DESIGN.md section 4 without transactions: a create is {@code DocumentReference.create}; a replace
 * reads the document, checks {@code version} and writes with {@code Precondition.updatedAt} ({@link
 * VersionedDocuments}).
 */
public final class FirestoreMyPlanStore implements MyPlanStore, AutoCloseable {
  private final Firestore firestore;
  private final ResidencyGuard guard;

  /** A store over {@code firestore}, serving only users homed in {@code region}. */
  public FirestoreMyPlanStore(Firestore firestore, RegionId region) {
    this.firestore = Objects.requireNonNull(firestore, "firestore");
    this.guard = new ResidencyGuard(region);
  }

  @Override
  public Optional<MyPlan> load(UserId userId, MyPlanId id, RegionId home) {
    guard.requireHome(home);
    DocumentSnapshot snapshot = FirestoreCalls.await(plans(userId).document(id.value()).get());
    return snapshot.exists()
        ? Optional.of(MyPlanDocument.toPlan(snapshot.getId(), snapshot.getData()))
        : Optional.empty();
  }

  @Override
  public List<MyPlan> list(UserId userId, RegionId home) {
    guard.requireHome(home);
    return FirestoreCalls.await(plans(userId).get()).getDocuments().stream()
        .sorted(Comparator.comparing(QueryDocumentSnapshot::getId))
        .map(snapshot -> MyPlanDocument.toPlan(snapshot.getId(), snapshot.getData()))
        .toList();
  }

  @Override
  public void create(MyPlan plan, RegionId home) {
    guard.requireHome(home);
    VersionedDocuments.create(
        plans(plan.userId()).document(plan.id().value()), MyPlanDocument.toFields(plan));
  }

  @Override
  public void replace(MyPlan plan, long expectedVersion, RegionId home) {
    guard.requireHome(home);
    VersionedDocuments.replace(
        plans(plan.userId()).document(plan.id().value()),
        MyPlanDocument.toFields(plan),
        expectedVersion);
  }

  @Override
  public int eraseAll(UserId userId, RegionId home) {
    guard.requireHome(home);
    List<QueryDocumentSnapshot> found = FirestoreCalls.await(plans(userId).get()).getDocuments();
    for (QueryDocumentSnapshot snapshot : found) {
      FirestoreCalls.await(snapshot.getReference().delete());
    }
    return found.size();
  }

  /** Closes the Firestore client. */
  @Override
  public void close() throws Exception {
    firestore.close();
  }

  private CollectionReference plans(UserId userId) {
    return firestore
        .collection(MyPlanDocument.USERS)
        .document(userId.value())
        .collection(MyPlanDocument.PLANS);
  }
}
