/**
 * The Pub/Sub adapter of devices: {@link app.stride.devices.gcp.adapter.out.pubsub.PubSubWorkQueue}
 * publishes verified webhook notifications and import jobs to the region's work topic ({@link
 * app.stride.devices.gcp.adapter.out.pubsub.WorkTopic}).
 */
package app.stride.devices.gcp.adapter.out.pubsub;
