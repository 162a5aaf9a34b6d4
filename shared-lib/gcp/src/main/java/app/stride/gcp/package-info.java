/**
 * Google Cloud adapters shared by every capability: Firestore ({@link app.stride.gcp.firestore}),
 * Pub/Sub ({@link app.stride.gcp.pubsub}) and the Functions Framework entries ({@link
 * app.stride.gcp.functions}). Nothing here may depend on the AWS SDK; the build bans it.
 */
package app.stride.gcp;
