/**
 * What the devices use cases need from the outside: the activity and import stores, object storage
 * for raw originals and sample streams, the work queue, a read-only view of the workouts users
 * recorded by hand (the history), and the markers of erased accounts, which every write asks before
 * it writes. Adapters live in the cloud modules.
 */
package app.stride.devices.application.port.out;
