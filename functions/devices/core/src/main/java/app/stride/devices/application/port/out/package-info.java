/**
 * What the devices use cases need from the outside: the activity and import stores, object storage
 * for raw originals and sample streams, the work queue, and a read-only view of the workouts users
 * recorded by hand (the history). Adapters live in the cloud modules.
 */
package app.stride.devices.application.port.out;
