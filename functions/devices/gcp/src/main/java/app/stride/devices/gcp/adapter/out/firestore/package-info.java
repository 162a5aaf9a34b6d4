/**
 * The Firestore adapters of devices: {@link
 * app.stride.devices.gcp.adapter.out.firestore.FirestoreActivityStore} ({@code
 * users/{userId}/activities}, source claims in {@code activitySources}, a per-document outbox) and
 * {@link app.stride.devices.gcp.adapter.out.firestore.FirestoreImportJobStore} ({@code imports},
 * hash claims in {@code importHashes}), {@link
 * app.stride.devices.gcp.adapter.out.firestore.FirestoreConnectionStore} ({@code connections},
 * provider-account claims in the top-level {@code connectionClaims}), {@link
 * app.stride.devices.gcp.adapter.out.firestore.FirestoreErasedAccounts} ({@code erasedAccounts})
 * and {@link app.stride.devices.gcp.adapter.out.firestore.FirestoreSharedCallCounter} ({@code
 * providerCallWindows}), with their document layouts. Single-document conditional writes only, the
 * same semantics as the DynamoDB adapters. A deleted account's collections are emptied by {@link
 * app.stride.gcp.firestore.CollectionEraser}, page by page.
 */
package app.stride.devices.gcp.adapter.out.firestore;
