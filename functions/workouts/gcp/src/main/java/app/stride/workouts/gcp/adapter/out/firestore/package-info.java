/**
 * The Firestore adapters of workouts: {@link
 * app.stride.workouts.gcp.adapter.out.firestore.FirestoreWorkoutStore} over {@code
 * users/{userId}/workouts/{workoutId}} (layout in {@code WorkoutDocument}, the field names of the
 * DynamoDB item; the erasure of a user's collections through {@code CollectionEraser}) and {@link
 * app.stride.workouts.gcp.adapter.out.firestore.FirestoreUnitPreferences} (read-only units from the
 * profiles collection).
 */
package app.stride.workouts.gcp.adapter.out.firestore;
