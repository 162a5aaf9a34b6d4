/**
 * The profiles capability's Google Cloud deployable: the Spring initializer that wires the
 * Firestore store, the Pub/Sub publisher and the token verifier into the shared profile functions,
 * and the Functions Framework entry points ({@link app.stride.profiles.gcp.ProfilesHttpFunction}
 * for HTTP, {@link app.stride.profiles.gcp.ProfilesOutboxRelayFunction} for the relay schedule,
 * {@link app.stride.profiles.gcp.ProfilesUserEraserFunction} for pushed account deletions).
 */
package app.stride.profiles.gcp;
