/**
 * The workouts capability's Google Cloud deployable: the Spring initializer that wires Firestore,
 * Pub/Sub and the token verifier into the shared workout functions, and the Functions Framework
 * entry points ({@link app.stride.workouts.gcp.WorkoutsHttpFunction} for HTTP, {@link
 * app.stride.workouts.gcp.WorkoutsOutboxRelayFunction} for the relay schedule).
 */
package app.stride.workouts.gcp;
