/**
 * The devices capability on Google Cloud: store adapters under {@code adapter.out} (Firestore,
 * Cloud Storage, Pub/Sub); the Cloud Functions entry points live beside them.
 */
package app.stride.devices.gcp;
