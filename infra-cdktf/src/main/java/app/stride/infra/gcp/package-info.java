/**
 * The GCP regional stack and its constructs: Firestore, Pub/Sub, the profiles Cloud Function, its
 * service account with bindings narrowed to the region's own database and topic, logs and alerts.
 */
package app.stride.infra.gcp;
