/**
 * The queue adapter of the devices data eraser: consumes {@code app.stride.user.v1.deleted} batches
 * (SQS on AWS, Pub/Sub on GCP, both as neutral {@code QueueMessage}s) and erases each user's
 * connections, imports, activities and bucket objects.
 */
package app.stride.devices.adapter.in.queue;
