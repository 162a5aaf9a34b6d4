/**
 * The history's read-only view of the workouts capability's Firestore documents ({@code
 * users/{userId}/workouts}), for the workouts users recorded by hand. Nothing here writes there.
 */
package app.stride.devices.gcp.adapter.out.workouts;
