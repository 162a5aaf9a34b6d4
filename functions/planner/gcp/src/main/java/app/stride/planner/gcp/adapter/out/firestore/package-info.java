/**
 * The planner's Firestore adapters: {@link
 * app.stride.planner.gcp.adapter.out.firestore.FirestoreMyPlanStore} ({@code
 * users/{userId}/plans/{myPlanId}}, conditional writes on {@code version}) and the read-only {@link
 * app.stride.planner.gcp.adapter.out.firestore.FirestoreWorkoutSummaries} ({@code
 * users/{userId}/workouts/{workoutId}}).
 */
package app.stride.planner.gcp.adapter.out.firestore;
