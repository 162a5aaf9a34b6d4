/**
 * The Firestore adapters of devices: {@link
 * app.stride.devices.gcp.adapter.out.firestore.FirestoreActivityStore} ({@code
 * users/{userId}/activities}, source claims in {@code activitySources}, a per-document outbox) and
 * {@link app.stride.devices.gcp.adapter.out.firestore.FirestoreImportJobStore} ({@code imports},
 * hash claims in {@code importHashes}), with their document layouts. Single-document conditional
 * writes only, the same semantics as the DynamoDB adapters.
 */
package app.stride.devices.gcp.adapter.out.firestore;
