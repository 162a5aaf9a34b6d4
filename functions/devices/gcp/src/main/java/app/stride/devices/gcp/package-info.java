/**
 * The devices capability on Google Cloud: store adapters under {@code adapter.out} (Firestore,
 * Cloud Storage, Pub/Sub); the Cloud Functions entry points live beside them (HTTP, the worker, the
 * data eraser, its follow-up sweep, the outbox relay).
 */
package app.stride.devices.gcp;
