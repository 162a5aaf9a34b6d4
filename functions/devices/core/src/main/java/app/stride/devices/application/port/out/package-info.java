/**
 * What the devices use cases need from the outside: the activity and import stores, object storage
 * for raw originals and sample streams, and the work queue. Adapters live in the cloud modules.
 */
package app.stride.devices.application.port.out;
