/**
 * The planner's Firestore adapters: {@link
 * app.stride.planner.gcp.adapter.out.firestore.FirestoreMyPlanStore} ({@code
 * users/{userId}/plans/{myPlanId}}, conditional writes on {@code version}), {@link
 * app.stride.planner.gcp.adapter.out.firestore.FirestoreCalendarFeedStore} (a user's calendar feed
 * and its token lookups) and the read-only {@link
 * app.stride.planner.gcp.adapter.out.firestore.FirestoreWorkoutSummaries} ({@code
 * users/{userId}/workouts/{workoutId}}).
 */
package app.stride.planner.gcp.adapter.out.firestore;
