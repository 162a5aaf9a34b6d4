/**
 * The GCP regional stack and its constructs: Firestore, Pub/Sub, the profiles Cloud Function, its
 * service account with bindings narrowed to the region's own database and topic, the auth Cloud
 * Functions with their TTL policies, Secret Manager secrets, service accounts and Cloud Scheduler
 * jobs, the capabilities' outbox relays every minute, the region's Redis (Memorystore) on its own
 * network with the VPC connector the HTTP functions reach it through, logs and alerts.
 */
package app.stride.infra.gcp;
